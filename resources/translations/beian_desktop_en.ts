<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="zh_CN">
<context>
    <name>BasePage</name>
    <message>
        <location filename="../../beian_desktop/gui/pages/base.py" line="+70"/>
        <source>正在读取规则包…</source>
        <translation>Loading the rule pack…</translation>
    </message>
</context>
<context>
    <name>BeianWizard</name>
    <message>
        <location filename="../../beian_desktop/gui/wizard.py" line="+171"/>
        <source>备案材料助手</source>
        <translation>Beian Desktop</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>自动保存失败</source>
        <translation>Autosave failed</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>切换界面语言（Ctrl+Shift+L）</source>
        <translation>Switch the interface language (Ctrl+Shift+L)</translation>
    </message>
</context>
<context>
    <name>CrashDialog</name>
    <message>
        <location filename="../../beian_desktop/gui/crash.py" line="+135"/>
        <source>程序出错</source>
        <translation>Something went wrong</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>程序遇到了意外错误（%1）。案卷已自动保存，可以继续使用；如果问题反复出现，请点击“复制详情”，把内容附在问题报告中。详情不含姓名、证件号码等个人信息。</source>
        <translation>The app ran into an unexpected error (%1). Your case has been saved and you can keep working. If this keeps happening, click “Copy details” and attach the text to a bug report. The details contain no names, ID numbers or other personal information.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>错误详情</source>
        <translation>Error details</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>复制详情(&amp;C)</source>
        <translation>&amp;Copy details</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>打开日志文件夹(&amp;L)</source>
        <translation>Open &amp;log folder</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>已复制</source>
        <translation>Copied</translation>
    </message>
</context>
<context>
    <name>DetailsPage</name>
    <message>
        <location filename="../../beian_desktop/gui/pages/details.py" line="+66"/>
        <source>信息</source>
        <translation>Details</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>按证件原样填写。每一项都会立即检查；有可自动修正的问题时，点按钮即可改正。</source>
        <translation>Enter everything exactly as it appears on the documents. Each field is checked as you type; where a problem can be corrected automatically, one click fixes it.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>因填写的信息而适用的规则</source>
        <translation>Rules that apply because of what you entered</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>网站负责人即主体负责人（第 2 步已选择），无需另填。</source>
        <translation>The website owner is the principal (chosen in step 2): nothing more to fill in.</translation>
    </message>
    <message>
        <location line="+128"/>
        <source>请先在第一步新建或打开案卷</source>
        <translation>First create or open a case in step 1</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>请填写网站负责人的信息</source>
        <translation>Fill in the website owner&apos;s details</translation>
    </message>
</context>
<context>
    <name>Dialogs</name>
    <message>
        <location filename="../../beian_desktop/gui/dialogs.py" line="+35"/>
        <source>打开案卷</source>
        <translation>Open a case</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>案卷文件 (case.json *.json);;所有文件 (*)</source>
        <translation>Case files (case.json *.json);;All files (*)</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>导入规则包</source>
        <translation>Import a rule pack</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>规则包 (*.toml *.zip)</source>
        <translation>Rule packs (*.toml *.zip)</translation>
    </message>
</context>
<context>
    <name>Document</name>
    <message>
        <location filename="../../beian_desktop/gui/glossary.py" line="+15"/>
        <source>居民身份证</source>
        <translation>Resident ID card (居民身份证)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>港澳居民居住证</source>
        <translation>Residence permit for Hong Kong and Macao residents (港澳居民居住证)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>台湾居民居住证</source>
        <translation>Residence permit for Taiwan residents (台湾居民居住证)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>港澳居民来往内地通行证</source>
        <translation>Mainland travel permit for Hong Kong and Macao residents (港澳居民来往内地通行证)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>台湾居民来往大陆通行证</source>
        <translation>Mainland travel permit for Taiwan residents (台湾居民来往大陆通行证)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>护照</source>
        <translation>Passport (护照)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>外国人永久居留身份证</source>
        <translation>Foreign permanent resident ID card (外国人永久居留身份证)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>营业执照</source>
        <translation>Business licence (营业执照)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>外国企业常驻代表机构登记证</source>
        <translation>Registration certificate of a foreign enterprise&apos;s representative office (外国企业常驻代表机构登记证)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>统一社会信用代码证书</source>
        <translation>Unified social credit code certificate (统一社会信用代码证书)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>组织机构代码证</source>
        <translation>Organisation code certificate (组织机构代码证)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>事业单位法人证书</source>
        <translation>Public institution legal person certificate (事业单位法人证书)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>社会团体法人登记证书</source>
        <translation>Social organisation registration certificate (社会团体法人登记证书)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>民办非企业单位登记证书</source>
        <translation>Private non-enterprise unit registration certificate (民办非企业单位登记证书)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>社会服务机构登记证书</source>
        <translation>Social service organisation registration certificate (社会服务机构登记证书)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>民办学校办学许可证</source>
        <translation>Private school licence (民办学校办学许可证)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>基金会法人登记证书</source>
        <translation>Foundation registration certificate (基金会法人登记证书)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>律师事务所执业许可证</source>
        <translation>Law firm practising licence (律师事务所执业许可证)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>外国在华文化中心登记证</source>
        <translation>Registration certificate of a foreign cultural centre in China (外国在华文化中心登记证)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>外国政府旅游部门常驻代表机构批准登记证</source>
        <translation>Registration of a foreign government tourism office in China (外国政府旅游部门常驻代表机构批准登记证)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>司法鉴定许可证</source>
        <translation>Forensic appraisal licence (司法鉴定许可证)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>宗教活动场所登记证</source>
        <translation>Registration certificate of a place of religious activity (宗教活动场所登记证)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>境外机构证件</source>
        <translation>Certificate of an organisation outside the mainland (境外机构证件)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>医疗机构执业许可证</source>
        <translation>Medical institution practising licence (医疗机构执业许可证)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>公证机构执业证</source>
        <translation>Notary office practising certificate (公证机构执业证)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>农村集体经济组织登记证</source>
        <translation>Rural collective economic organisation registration certificate (农村集体经济组织登记证)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>仲裁委员会登记证</source>
        <translation>Arbitration commission registration certificate (仲裁委员会登记证)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>军队单位对外有偿服务许可证</source>
        <translation>Military unit licence for paid external services (军队单位对外有偿服务许可证)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>部队代号</source>
        <translation>Military unit code (部队代号)</translation>
    </message>
</context>
<context>
    <name>FindingCard</name>
    <message>
        <location filename="../../beian_desktop/gui/widgets/finding_list.py" line="+59"/>
        <source>怎么办：</source>
        <translation>What to do: </translation>
    </message>
    <message>
        <location line="+2"/>
        <source>另一种说法：</source>
        <translation>Another source says: </translation>
    </message>
    <message>
        <location line="+3"/>
        <source>依据：</source>
        <translation>Sources: </translation>
    </message>
</context>
<context>
    <name>FindingList</name>
    <message numerus="yes">
        <location line="+76"/>
        <source>另有 %n 条提示</source>
        <translation>
            <numerusform>%n more note</numerusform>
            <numerusform>%n more notes</numerusform>
        </translation>
    </message>
    <message>
        <location line="+1"/>
        <source>没有阻断备案或需要注意的规则。</source>
        <translation>No rule blocks this filing or needs your attention.</translation>
    </message>
</context>
<context>
    <name>Format</name>
    <message>
        <location filename="../../beian_desktop/gui/i18n.py" line="+137"/>
        <source>；</source>
        <translation>; </translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%1：%2</source>
        <translation>%1: %2</translation>
    </message>
</context>
<context>
    <name>IndustryList</name>
    <message>
        <location filename="../../beian_desktop/gui/widgets/industry_list.py" line="+106"/>
        <source>需要前置审批的内容</source>
        <translation>Content that needs pre-approval (前置审批)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>网站若提供以下内容，须先取得主管部门的许可（前置审批），再办理备案。只勾选网站确实提供的内容。</source>
        <translation>A website offering any of the following needs a licence from the competent authority (pre-approval) before it can be filed. Tick only what the site really offers.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>其他特殊内容</source>
        <translation>Other special content</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>不需要前置审批，但部分省份会要求额外材料。</source>
        <translation>No pre-approval needed, but some provinces ask for extra papers.</translation>
    </message>
</context>
<context>
    <name>IndustryOption</name>
    <message>
        <location line="-68"/>
        <source>需要：%1</source>
        <translation>Needs: %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>审批部门：%1</source>
        <translation>Issued by: %1</translation>
    </message>
</context>
<context>
    <name>OrganisationQuestions</name>
    <message>
        <location filename="../../beian_desktop/gui/pages/subject_questions.py" line="+69"/>
        <source>负责人</source>
        <translation>Responsible persons</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>这些回答决定是否需要授权书等材料；不确定的可以先不答，规则会显示为“如果…”。</source>
        <translation>These answers decide whether papers such as a letter of authorisation are needed. If you are not sure, leave a question open: the rules then show as “if …”.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>网站负责人和主体负责人是同一个人吗？</source>
        <translation>Is the website owner the same person as the principal?</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>主体负责人通常是法定代表人；网站负责人可以是单位的其他员工。</source>
        <translation>The principal is normally the legal representative; the website owner may be another employee.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>主体负责人是单位的法定代表人吗？</source>
        <translation>Is the principal the organisation&apos;s legal representative?</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>法定代表人是营业执照等证件上登记的负责人。</source>
        <translation>The legal representative is the person registered on the business licence or a similar certificate.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>网站负责人是法定代表人吗？</source>
        <translation>Is the website owner the legal representative?</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>法定代表人是境外人士（不是中国大陆居民）吗？</source>
        <translation>Is the legal representative from outside the mainland (not a mainland resident)?</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>包括港澳台居民和外国人。</source>
        <translation>This includes residents of Hong Kong, Macao and Taiwan, and foreigners.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>单位改过名称吗？</source>
        <translation>Has the organisation been renamed?</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>更名须提交变更函。</source>
        <translation>A renamed organisation submits a change letter.</translation>
    </message>
</context>
<context>
    <name>PersonForm</name>
    <message>
        <location filename="../../beian_desktop/gui/widgets/person_form.py" line="+165"/>
        <source>备案人（本人）</source>
        <translation>The person filing</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>主体负责人</source>
        <translation>Principal</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>网站负责人</source>
        <translation>Website owner</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>姓名</source>
        <translation>Name</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>证件类型</source>
        <translation>ID document</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>证件号码</source>
        <translation>ID number</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>证件有效期至</source>
        <translation>ID valid until</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>手机号码</source>
        <translation>Mobile number</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>电子邮箱</source>
        <translation>E-mail</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>18 位身份证号码</source>
        <translation>18-character ID number</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>11 位手机号码</source>
        <translation>11-digit mobile number</translation>
    </message>
</context>
<context>
    <name>Severity</name>
    <message>
        <location filename="../../beian_desktop/gui/widgets/severity.py" line="+21"/>
        <source>必须解决</source>
        <translation>Must fix</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>注意</source>
        <translation>Caution</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>提示</source>
        <translation>Note</translation>
    </message>
</context>
<context>
    <name>StartPage</name>
    <message>
        <location filename="../../beian_desktop/gui/pages/start.py" line="+129"/>
        <source>开始</source>
        <translation>Start</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>新建一个备案案卷，或继续之前的案卷。所有修改都会自动保存。</source>
        <translation>Start a new filing case or continue an earlier one. Every change is saved automatically.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>新建案卷(&amp;C)</source>
        <translation>New &amp;case</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>打开案卷文件…(&amp;O)</source>
        <translation>&amp;Open case file…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>最近的案卷(&amp;R)（双击或按回车打开）</source>
        <translation>&amp;Recent cases (double-click or press Enter to open)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>主体</source>
        <translation>Subject</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>办理项</source>
        <translation>Filing type</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>省份</source>
        <translation>Province</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>最后修改</source>
        <translation>Last modified</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>最近的案卷</source>
        <translation>Recent cases</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>还没有案卷。点击“新建案卷”开始。</source>
        <translation>No cases yet. Click “New case” to begin.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>规则包</source>
        <translation>Rule pack</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>导入新规则包…(&amp;I)</source>
        <translation>&amp;Import a newer rule pack…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>导入更新的规则包文件（.toml 或 .zip）；日期更新的规则包会取代内置规则包。</source>
        <translation>Import a rule pack file (.toml or .zip); a pack with a newer date replaces the built-in one.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>正在打开案卷…</source>
        <translation>Opening the case…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>请新建案卷，或打开一个已有的案卷</source>
        <translation>Create a new case or open an existing one</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>正在读取规则包…</source>
        <translation>Loading the rule pack…</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1，版本 %2，规则核对日期 %3。</source>
        <translation>%1, version %2, rules checked on %3.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>已忽略一个导入的规则包：</source>
        <translation>An imported rule pack was ignored: </translation>
    </message>
    <message>
        <location line="+29"/>
        <source>已导入规则包 %1（%2），现在使用它。</source>
        <translation>Imported the rule pack %1 (%2); it is now in use.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>已导入规则包 %1（%2）；它不比当前的规则包新，仍使用 %3（%4）。</source>
        <translation>Imported the rule pack %1 (%2). It is not newer than the current one, so %3 (%4) stays in use.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>导入规则包</source>
        <translation>Import a rule pack</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>无法导入规则包</source>
        <translation>Cannot import the rule pack</translation>
    </message>
    <message>
        <location line="+44"/>
        <source>无法打开案卷</source>
        <translation>Cannot open the case</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>新案卷（尚未填写主体名称）</source>
        <translation>New case (no subject name yet)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>当前案卷：%1。点击“下一步”继续。</source>
        <translation>Current case: %1. Click “Next” to continue.</translation>
    </message>
    <message>
        <location line="+35"/>
        <source>（无法读取）</source>
        <translation>(unreadable)</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>（未填写名称）</source>
        <translation>(no name yet)</translation>
    </message>
</context>
<context>
    <name>StatusLine</name>
    <message>
        <location filename="../../beian_desktop/gui/pages/base.py" line="+76"/>
        <source>可以继续。</source>
        <translation>Ready to continue.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>还不能继续：</source>
        <translation>Cannot continue yet: </translation>
    </message>
    <message>
        <location line="+2"/>
        <source>……共 %1 项（鼠标停在这里可看全部）</source>
        <translation> … %1 in all (hover here to see them all)</translation>
    </message>
</context>
<context>
    <name>SubjectForm</name>
    <message>
        <location filename="../../beian_desktop/gui/widgets/person_form.py" line="-64"/>
        <source>主体</source>
        <translation>Subject</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>主体全称(&amp;M)</source>
        <translation>Full na&amp;me</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>证件类型</source>
        <translation>Certificate type</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>证件号码(&amp;C)</source>
        <translation>Certificate &amp;number</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>有效期至</source>
        <translation>Valid until</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>与证件上的名称完全一致</source>
        <translation>Exactly as on the certificate</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>18 位统一社会信用代码</source>
        <translation>18-character unified social credit code</translation>
    </message>
</context>
<context>
    <name>SubjectPage</name>
    <message>
        <location filename="../../beian_desktop/gui/pages/subject.py" line="+129"/>
        <source>主体与办理项</source>
        <translation>Subject and filing</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>谁来备案、办理什么、在哪个省。右侧会立即显示适用的规则。</source>
        <translation>Who files, what, and in which province. The rules that apply appear on the right as you choose.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>主办单位性质(&amp;S)</source>
        <translation>&amp;Subject type</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>办理项(&amp;F)</source>
        <translation>&amp;Filing type</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>备案省份(&amp;P)</source>
        <translation>Filing &amp;province</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>证件类型(&amp;D)</source>
        <translation>ID &amp;document</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>身份证签发地(&amp;I)</source>
        <translation>&amp;ID issued in</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>请选择</source>
        <translation>Choose…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>输入省名、拼音或代码，如 广东 / guangdong / 44</source>
        <translation>Type a name, pinyin or code, e.g. 广东 / guangdong / 44</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>身份证号码前两位所属的省份</source>
        <translation>The province of the ID number&apos;s first two digits</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>适用的规则</source>
        <translation>Rules that apply</translation>
    </message>
    <message>
        <location line="+115"/>
        <source>%1（根据身份证号码）</source>
        <translation>%1 (from the ID number)</translation>
    </message>
    <message>
        <location line="+68"/>
        <source>选择主办单位性质和备案省份后，这里会列出适用的规则。</source>
        <translation>Choose the subject type and the filing province to see the rules that apply.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>按目前的选择，需要准备 %1 项材料（其中 %2 项视情况而定）。</source>
        <translation>With these choices, %1 materials are needed (%2 of them depending on circumstances).</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>按目前的选择，无需上传材料。</source>
        <translation>With these choices, nothing needs to be uploaded.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>请先在第一步新建或打开案卷</source>
        <translation>First create or open a case in step 1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>请选择主办单位性质</source>
        <translation>Choose the subject type</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>请选择备案省份</source>
        <translation>Choose the filing province</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>请选择身份证签发地</source>
        <translation>Choose where the ID was issued</translation>
    </message>
</context>
<context>
    <name>ValidUntilEdit</name>
    <message>
        <location filename="../../beian_desktop/gui/widgets/inputs.py" line="+79"/>
        <source>长期有效</source>
        <translation>No expiry</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>证件上印的有效期截止日期</source>
        <translation>The expiry date printed on the document</translation>
    </message>
</context>
<context>
    <name>ValidatedField</name>
    <message>
        <location filename="../../beian_desktop/gui/widgets/validated_field.py" line="+128"/>
        <source>应用建议的值：%1</source>
        <translation>Apply the suggested value: %1</translation>
    </message>
</context>
<context>
    <name>WebsiteList</name>
    <message>
        <location filename="../../beian_desktop/gui/widgets/website_list.py" line="+186"/>
        <source>网站</source>
        <translation>Websites</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>添加网站(&amp;A)</source>
        <translation>&amp;Add a website</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>该主体已备案的网站数(&amp;E)</source>
        <translation>&amp;Existing websites already filed by this subject</translation>
    </message>
</context>
<context>
    <name>WebsiteRow</name>
    <message>
        <location line="-122"/>
        <location line="+18"/>
        <source>网站 %1</source>
        <translation>Website %1</translation>
    </message>
    <message>
        <location line="-1"/>
        <source>网站名称</source>
        <translation>Website name</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>域名</source>
        <translation>Domain</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>内容备注</source>
        <translation>Content remark</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>例如 example.cn（不带 http:// 和 www）</source>
        <translation>e.g. example.cn (no http:// or www)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>网站实际提供的内容，如“公司产品介绍”</source>
        <translation>What the site actually offers, e.g. “company product information”</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>删除</source>
        <translation>Remove</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>删除网站 %1</source>
        <translation>Remove website %1</translation>
    </message>
</context>
<context>
    <name>YesNoQuestion</name>
    <message>
        <location filename="../../beian_desktop/gui/widgets/inputs.py" line="+59"/>
        <source>是</source>
        <translation>Yes</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>否</source>
        <translation>No</translation>
    </message>
</context>
</TS>
