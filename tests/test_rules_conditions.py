"""The `when` language: parsing, three-valued logic, and safety (nothing is ever eval'd)."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from beian_desktop.core.rules.conditions import Condition, ConditionError, Tri

T, F, U = Tri.TRUE, Tri.FALSE, Tri.UNKNOWN


@pytest.mark.parametrize(
    ("source", "facts", "expected"),
    [
        ("", {}, T),
        ("subject == '个人'", {"subject": "个人"}, T),
        ("subject == '个人'", {"subject": "企业"}, F),
        ("subject == '个人'", {}, U),
        ("subject != '个人'", {}, U),
        ("site_count > 20", {"site_count": 21}, T),
        ("site_count > 20", {"site_count": 20}, F),
        ("site_count >= 5 and site_count < 10", {"site_count": 7}, T),
        ("age < 18", {"age": 17}, T),
        ("province in ['41', '44']", {"province": "44"}, T),
        ("province not in ['41', '44']", {"province": "44"}, F),
        ("'文化' in industries", {"industries": ("文化", "新闻")}, T),
        ("'文化' in industries", {"industries": ()}, F),
        ("industries overlaps ['金融', '文化']", {"industries": ("文化",)}, T),
        ("industries overlaps ['金融']", {"industries": ("文化",)}, F),
        ("icp_owner_is_legal_rep == false", {"icp_owner_is_legal_rep": False}, T),
        ("not (age < 18)", {"age": 30}, T),
        ("id_province != province", {"province": "41", "id_province": "44"}, T),
        ("id_province != province", {"province": "41"}, U),
        # Kleene logic: a known false decides an `and`, a known true decides an `or`.
        ("subject == '个人' and age < 18", {"subject": "企业"}, F),
        ("subject == '个人' and age < 18", {"subject": "个人"}, U),
        ("subject == '个人' or age < 18", {"subject": "个人"}, T),
        ("subject == '个人' or age < 18", {"subject": "企业"}, U),
        ("not age < 18", {}, U),
        ('subject == "个人"', {"subject": "个人"}, T),
        ("(a_fact == 1 or b_fact == 2) and c_fact == 3", {"a_fact": 1, "c_fact": 3}, T),
    ],
)
def test_evaluation(source: str, facts: dict[str, object], expected: Tri) -> None:
    assert Condition.compile(source).evaluate(facts) is expected  # type: ignore[arg-type]


@pytest.mark.parametrize(
    "source",
    [
        "subject ==",
        "(age < 18",
        "age < 18)",
        "province in ['41' '44']",
        "__import__('os').system('true')",
        "age.__class__",
        "age < 18; x",
        "lambda: 1",
        "open('x')",
    ],
)
def test_bad_conditions_do_not_parse(source: str) -> None:
    with pytest.raises(ConditionError):
        Condition.compile(source)


def test_names_and_comparisons_are_reported() -> None:
    condition = Condition.compile("subject == '个人' and province in ['41', '44'] and age < 18")
    assert condition.names() == {"subject", "province", "age"}
    assert ("province", ("41", "44")) in condition.comparisons()
    assert ("subject", "个人") in condition.comparisons()


_FACTS = ["age", "site_count", "subject", "flag"]
_ATOMS = [
    "age < 18",
    "age >= 16",
    "site_count > 5",
    "subject == '个人'",
    "subject in ['企业', '个人']",
    "flag == true",
]


@st.composite
def _conditions(draw: st.DrawFn, depth: int = 3) -> str:
    if depth == 0 or draw(st.booleans()):
        return draw(st.sampled_from(_ATOMS))
    op = draw(st.sampled_from(["and", "or", "not"]))
    if op == "not":
        return f"not ({draw(_conditions(depth - 1))})"
    return f"({draw(_conditions(depth - 1))}) {op} ({draw(_conditions(depth - 1))})"


_VALUES = {
    "age": st.integers(0, 90),
    "site_count": st.integers(0, 40),
    "subject": st.sampled_from(["企业", "个人", "事业单位"]),
    "flag": st.booleans(),
}


@given(
    source=_conditions(),
    full=st.fixed_dictionaries(_VALUES),
    hidden=st.sets(st.sampled_from(_FACTS)),
)
def test_unknown_facts_never_flip_a_decided_answer(
    source: str, full: dict[str, object], hidden: set[str]
) -> None:
    """If a condition is already decided with some facts unknown, learning them cannot change it."""
    condition = Condition.compile(source)
    partial = {k: v for k, v in full.items() if k not in hidden}
    decided = condition.evaluate(partial)  # type: ignore[arg-type]
    final = condition.evaluate(full)  # type: ignore[arg-type]
    assert final is not Tri.UNKNOWN
    if decided is not Tri.UNKNOWN:
        assert decided is final
