<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="zh_CN">
<context>
    <name>BasePage</name>
    <message>
        <location filename="../../beian_desktop/gui/pages/base.py" line="+73"/>
        <source>正在读取规则包…</source>
        <translation>Loading the rule pack…</translation>
    </message>
</context>
<context>
    <name>BeianWizard</name>
    <message>
        <location filename="../../beian_desktop/gui/wizard.py" line="+279"/>
        <source>备案材料助手</source>
        <translation>Beian Desktop</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>自动保存失败</source>
        <translation>Autosave failed</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>切换界面语言（Ctrl+Shift+L）</source>
        <translation>Switch the interface language (Ctrl+Shift+L)</translation>
    </message>
</context>
<context>
    <name>CrashDialog</name>
    <message>
        <location filename="../../beian_desktop/gui/crash_dialog.py" line="+27"/>
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
        <location filename="../../beian_desktop/gui/dialogs.py" line="+55"/>
        <source>打开案卷</source>
        <translation>Open a case</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>案卷文件 (case.json *.json);;所有文件 (*)</source>
        <translation>Case files (case.json *.json);;All files (*)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>导入规则包</source>
        <translation>Import a rule pack</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>规则包 (*.toml *.zip)</source>
        <translation>Rule packs (*.toml *.zip)</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>添加扫描件</source>
        <translation>Add scans</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>扫描件和照片</source>
        <translation>Scans and photos</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>所有文件</source>
        <translation>All files</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>添加文件夹中的扫描件</source>
        <translation>Add the scans in a folder</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>保存材料包的文件夹</source>
        <translation>Folder for the package</translation>
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
    <name>ExportPage</name>
    <message>
        <location filename="../../beian_desktop/gui/pages/export.py" line="+137"/>
        <source>导出</source>
        <translation>Export</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>生成上传用的材料包（zip）：上传件、PDF/A 存档和材料清单。</source>
        <translation>Make the package to upload (a zip): the upload copies, PDF/A archive copies and the list of materials.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>保存到(&amp;S)</source>
        <translation>&amp;Save to</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>上传系统(&amp;U)</source>
        <translation>&amp;Upload system</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>存档格式</source>
        <translation>Archive format</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>选择…(&amp;B)</source>
        <translation>&amp;Browse…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>PDF/A-2b（推荐）</source>
        <translation>PDF/A-2b (recommended)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>PDF/A-1b（仅在对方明确要求时）</source>
        <translation>PDF/A-1b (only when explicitly asked for)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>生成材料包(&amp;G)</source>
        <translation>&amp;Generate package</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>取消(&amp;C)</source>
        <translation>&amp;Cancel</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>打开文件夹(&amp;O)</source>
        <translation>&amp;Open folder</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>复制路径(&amp;P)</source>
        <translation>Copy &amp;path</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>保存到</source>
        <translation>Save to</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>上传系统</source>
        <translation>Upload system</translation>
    </message>
    <message>
        <location line="+42"/>
        <source>上传件为 %1，每个文件不超过 %2 MB；超过的会自动压缩。</source>
        <translation>Upload copies are %1, at most %2 MB each; larger ones are compressed automatically.</translation>
    </message>
    <message>
        <location line="+62"/>
        <source>正在准备…</source>
        <translation>Preparing…</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>正在取消…</source>
        <translation>Cancelling…</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>材料包已生成。</source>
        <translation>The package is ready.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>%1 已存在。要用新生成的材料包替换它吗？</source>
        <translation>%1 already exists. Replace it with the new package?</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>替换材料包</source>
        <translation>Replace package</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>未替换已有的材料包。</source>
        <translation>The existing package was left as it is.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>请回到“检查”一步。</source>
        <translation> Go back to the “Check” step.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>已取消，没有留下任何文件。</source>
        <translation>Cancelled; no files were left behind.</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>路径已复制。</source>
        <translation>Path copied.</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>请先在第一步新建或打开案卷</source>
        <translation>First create or open a case in step 1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>正在生成材料包…</source>
        <translation>Making the package…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>点击“生成材料包”，生成要上传的文件</source>
        <translation>Click “Generate package” to make the files to upload</translation>
    </message>
    <message>
        <location filename="../../beian_desktop/gui/pages/export_texts.py" line="+29"/>
        <source>正在写入材料包…</source>
        <translation>Writing the package…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1：第 %2 / %3 个文件（%4）</source>
        <translation>%1: file %2 of %3 (%4)</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>%1 份材料：%2 个上传件（共 %3 MB），%4 份 PDF/A 存档；材料包 %5 MB。</source>
        <translation>Materials: %1. Upload copies: %2 (%3 MB in all). PDF/A archive copies: %4. Package: %5 MB.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>已确认的注意事项：%1</source>
        <translation>Warnings accepted: %1</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>包含：%1</source>
        <translation>Contains: %1</translation>
    </message>
</context>
<context>
    <name>FileCard</name>
    <message>
        <location filename="../../beian_desktop/gui/widgets/file_card.py" line="+130"/>
        <source>正在检查…</source>
        <translation>Checking…</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>正在检查</source>
        <translation>checking</translation>
    </message>
</context>
<context>
    <name>FindingCard</name>
    <message>
        <location filename="../../beian_desktop/gui/widgets/finding_list.py" line="+53"/>
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
    <name>FindingRow</name>
    <message>
        <location filename="../../beian_desktop/gui/widgets/review_item.py" line="+75"/>
        <source>我已了解，仍按现状提交</source>
        <translation>I understand; submit it as it is</translation>
    </message>
    <message>
        <location line="+35"/>
        <source>另一种说法：</source>
        <translation>Another source says: </translation>
    </message>
    <message>
        <location line="+4"/>
        <source>依据</source>
        <translation>Sources</translation>
    </message>
</context>
<context>
    <name>Format</name>
    <message>
        <location filename="../../beian_desktop/gui/i18n.py" line="+138"/>
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
    <name>MaterialsPage</name>
    <message>
        <location filename="../../beian_desktop/gui/pages/materials.py" line="+106"/>
        <source>材料</source>
        <translation>Materials</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>把扫描件或照片拖到窗口任意位置（也可以拖入文件夹），程序会放入对应的材料。</source>
        <translation>Drop scans or photos anywhere on the window (folders too); each goes to the material it belongs to.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>添加文件…(&amp;A)</source>
        <translation>&amp;Add files…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>添加文件夹…(&amp;F)</source>
        <translation>Add &amp;folder…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>文件会复制到案卷中，原件不会被改动。放错了可以拖到别的材料，或右键选择。</source>
        <translation>Files are copied into the case; your originals are never changed. In the wrong place? Drag it to another material, or right-click it.</translation>
    </message>
    <message>
        <location line="+47"/>
        <location line="+67"/>
        <location filename="../../beian_desktop/gui/pages/materials_views.py" line="+286"/>
        <source>待归类的文件</source>
        <translation>Files to sort</translation>
    </message>
    <message>
        <location line="-12"/>
        <source>移到…</source>
        <translation>Move to…</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>移除</source>
        <translation>Remove</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>设为%1</source>
        <translation>Make it the %1</translation>
    </message>
    <message>
        <location line="+118"/>
        <source>请先在第一步新建或打开案卷</source>
        <translation>First create or open a case in step 1</translation>
    </message>
    <message numerus="yes">
        <location line="+4"/>
        <source>正在检查 %n 个文件…</source>
        <translation>
            <numerusform>Checking %n file…</numerusform>
            <numerusform>Checking %n files…</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>%n 个文件尚未归类：请拖到对应的材料，或移除</source>
        <translation>
            <numerusform>%n file is not sorted yet: drag it to its material, or remove it</numerusform>
            <numerusform>%n files are not sorted yet: drag each to its material, or remove them</numerusform>
        </translation>
    </message>
    <message>
        <location line="+5"/>
        <source>缺少</source>
        <translation>Missing</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>有文件无法读取：请移除后重新添加</source>
        <translation>A file cannot be read: remove it and add it again</translation>
    </message>
    <message>
        <location filename="../../beian_desktop/gui/pages/materials_views.py" line="-188"/>
        <source>必需</source>
        <translation>required</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>视情况</source>
        <translation>depends</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>建议</source>
        <translation>recommended</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>附加：不在本次清单中</source>
        <translation>extra: not on this checklist</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>仅当%1时需要。</source>
        <translation>Needed only if %1.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>依据</source>
        <translation>Sources</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>正面</source>
        <translation>front</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>反面</source>
        <translation>back</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>无法读取</source>
        <translation>unreadable</translation>
    </message>
    <message>
        <location line="+64"/>
        <source>把%1拖到这里</source>
        <translation>Drop the %1 here</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>未标明哪一面</source>
        <translation>Side not marked</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>把文件拖到这里，或用上方的“添加文件…”</source>
        <translation>Drop files here, or use “Add files…” above</translation>
    </message>
    <message>
        <location line="+43"/>
        <source>这些文件还没有放入材料：把每个文件拖到对应的材料上，或右键选择“移到…”。</source>
        <translation>These files are not under a material yet: drag each onto its material, or right-click it and choose “Move to…”.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>正在检查新加入的文件，完成后会自动放入最可能的材料。</source>
        <translation>Checking the new files; each then goes to the material it most likely is.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>另有 %1 个文件排队等待检查。</source>
        <translation> Waiting to be checked as well: %1 more.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>未分类</source>
        <translation>unsorted</translation>
    </message>
</context>
<context>
    <name>OrganisationQuestions</name>
    <message>
        <location filename="../../beian_desktop/gui/pages/subject_questions.py" line="+83"/>
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
        <location line="+3"/>
        <source>法定代表人持有备案省份的居住证（或暂住证）吗？</source>
        <translation>Does the legal representative hold a residence (or temporary residence) permit of the filing province?</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>其身份证不是备案省份签发时，有的省份据此决定提交居住证还是手持证件照。</source>
        <translation>When their ID card was issued in another province, some bureaus ask for the permit, or else a photo of them holding their documents.</translation>
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
    <name>ProblemList</name>
    <message>
        <location filename="../../beian_desktop/gui/widgets/problem_list.py" line="+48"/>
        <source>不再显示这条提示</source>
        <translation>Dismiss this message</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>关闭提示</source>
        <translation>Close message</translation>
    </message>
</context>
<context>
    <name>Problems</name>
    <message>
        <location filename="../../beian_desktop/gui/pages/materials_problems.py" line="+44"/>
        <source>怎么办</source>
        <translation>What to do</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>%1 与“%2”中的文件内容相同，没有重复添加。</source>
        <translation>%1 has the same content as a file under “%2”; it was not added twice.</translation>
    </message>
    <message numerus="yes">
        <location line="+16"/>
        <source>文件夹中有 %n 个文件不是扫描件或照片，已跳过（如 %1）。</source>
        <translation>
            <numerusform>Skipped %n file in the folder that is not a scan or photo (%1).</numerusform>
            <numerusform>Skipped %n files in the folder that are not scans or photos (e.g. %1).</numerusform>
        </translation>
    </message>
    <message>
        <location line="+4"/>
        <source>可用的格式：JPG、PNG、TIFF、PDF、HEIC、WebP、BMP。</source>
        <translation>Accepted formats: JPG, PNG, TIFF, PDF, HEIC, WebP, BMP.</translation>
    </message>
    <message numerus="yes">
        <location line="+4"/>
        <source>一次最多加入 %1 个文件，另有 %n 个未加入。</source>
        <translation>
            <numerusform>At most %1 files are added at a time; %n more was left out.</numerusform>
            <numerusform>At most %1 files are added at a time; %n more were left out.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ReviewPage</name>
    <message>
        <location filename="../../beian_desktop/gui/pages/review.py" line="+69"/>
        <source>检查</source>
        <translation>Check</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>逐项核对材料和信息。能自动修正的点一下即可；注意事项需要你逐条确认。</source>
        <translation>Every material and detail is checked. What can be fixed automatically takes one click; each warning needs your confirmation.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>重新检查(&amp;R)</source>
        <translation>Check &amp;again</translation>
    </message>
    <message>
        <location line="+43"/>
        <source>正在检查第 %1 / %2 个文件：%3</source>
        <translation>Checking file %1 of %2: %3</translation>
    </message>
    <message numerus="yes">
        <location line="+34"/>
        <source>显示提示（%n 条）</source>
        <translation>
            <numerusform>Show the note (%n)</numerusform>
            <numerusform>Show the notes (%n)</numerusform>
        </translation>
    </message>
    <message>
        <location line="+18"/>
        <source>正在检查材料和信息…</source>
        <translation>Checking the materials and details…</translation>
    </message>
    <message numerus="yes">
        <location line="+6"/>
        <source>有 %n 个问题必须解决。</source>
        <translation>
            <numerusform>%n problem must be solved.</numerusform>
            <numerusform>%n problems must be solved.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+4"/>
        <source>没有阻断问题；还有 %n 条注意事项待确认。</source>
        <translation>
            <numerusform>Nothing blocks the filing; %n warning still needs your confirmation.</numerusform>
            <numerusform>Nothing blocks the filing; %n warnings still need your confirmation.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+5"/>
        <source>检查通过：%1 份材料、%2 个文件都符合要求，可以生成材料包。</source>
        <translation>All clear (materials: %1, files: %2): everything meets the requirements, and the package can be made.</translation>
    </message>
    <message>
        <location line="+111"/>
        <source>无法修正</source>
        <translation>Cannot fix</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>请先在第一步新建或打开案卷</source>
        <translation>First create or open a case in step 1</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>正在检查…</source>
        <translation>Checking…</translation>
    </message>
    <message numerus="yes">
        <location line="+4"/>
        <source>还有 %n 条注意事项未确认</source>
        <translation>
            <numerusform>%n warning is not confirmed yet</numerusform>
            <numerusform>%n warnings are not confirmed yet</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../beian_desktop/gui/pages/review_texts.py" line="+28"/>
        <source>主体</source>
        <translation>Subject</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>主体负责人</source>
        <translation>Principal</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>网站负责人</source>
        <translation>Website owner</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>名称</source>
        <translation>name</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+3"/>
        <source>证件号码</source>
        <translation>document number</translation>
    </message>
    <message>
        <location line="-2"/>
        <location line="+3"/>
        <source>证件有效期</source>
        <translation>valid until</translation>
    </message>
    <message>
        <location line="-2"/>
        <source>姓名</source>
        <translation>name</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>手机号码</source>
        <translation>mobile number</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>电子邮箱</source>
        <translation>e-mail</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>网站名称</source>
        <translation>site name</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>域名</source>
        <translation>domain</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>备注</source>
        <translation>remark</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>备案规则</source>
        <translation>Filing rules</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>网站</source>
        <translation>Websites</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>网站 %1</source>
        <translation>Website %1</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>主体与办理项</source>
        <translation>Subject and filing</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>信息</source>
        <translation>Details</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>材料</source>
        <translation>Materials</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>回到第 %1 步“%2”修改</source>
        <translation>Go back to step %1, “%2”, to change it</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>移除这个文件</source>
        <translation>Remove this file</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>生成材料包时会自动处理，原件保持不变。</source>
        <translation>Done automatically when the package is made; the original stays as it is.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>怎么办</source>
        <translation>What to do</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>去修改</source>
        <translation>Change it</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>改名为 %1</source>
        <translation>Rename to %1</translation>
    </message>
</context>
<context>
    <name>Severity</name>
    <message>
        <location filename="../../beian_desktop/gui/widgets/severity.py" line="+24"/>
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
        <location filename="../../beian_desktop/gui/pages/start.py" line="+104"/>
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
        <location line="+16"/>
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
        <location line="-15"/>
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
        <location line="+15"/>
        <source>正在打开案卷…</source>
        <translation>Opening the case…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>请新建案卷，或打开一个已有的案卷</source>
        <translation>Create a new case or open an existing one</translation>
    </message>
    <message>
        <location line="+38"/>
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
        <location line="+49"/>
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
        <location line="+3"/>
        <source>已选中最近的案卷：%1。点击“下一步”打开它。</source>
        <translation>Recent case selected: %1. Click “Next” to open it.</translation>
    </message>
    <message>
        <location line="+46"/>
        <source>（无法读取）</source>
        <translation>(unreadable)</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>（未填写名称）</source>
        <translation>(no name yet)</translation>
    </message>
</context>
<context>
    <name>StatusLine</name>
    <message>
        <location filename="../../beian_desktop/gui/pages/base.py" line="+91"/>
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
        <location line="+70"/>
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
