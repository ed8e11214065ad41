"""The `when` language of the rule pack: a tiny, safe condition evaluator (never eval()).

Grammar (precedence low to high):

    expr     := and_expr ("or" and_expr)*
    and_expr := not_expr ("and" not_expr)*
    not_expr := "not" not_expr | compare
    compare  := operand [op operand]       op: == != < <= > >= in "not in" overlaps
    operand  := NAME | 'string' | "string" | number | true | false | [literal, ...] | ( expr )

Names are case facts (see facts.py). Facts the user has not given yet are *unknown*, and the
logic is three-valued (Kleene): `unknown and false` is false, `unknown or true` is true, any
comparison with an unknown value is unknown. The resolver turns an unknown condition into a
"conditional" requirement that states the condition instead of silently dropping it.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from enum import Enum
from typing import TypeAlias


class Tri(Enum):
    """Three-valued truth."""

    FALSE = 0
    UNKNOWN = 1
    TRUE = 2

    @staticmethod
    def of(value: bool) -> Tri:
        return Tri.TRUE if value else Tri.FALSE


class ConditionError(ValueError):
    """A `when` clause that does not parse or names something unknown."""


Scalar: TypeAlias = str | int | float | bool
Value: TypeAlias = Scalar | tuple[Scalar, ...] | None


class _Unknown:
    def __repr__(self) -> str:
        return "UNKNOWN"


UNKNOWN = _Unknown()

_TOKEN = re.compile(
    r"""\s*(?:
        (?P<num>-?\d+(?:\.\d+)?)
      | (?P<str>'[^']*'|"[^"]*")
      | (?P<op>==|!=|<=|>=|<|>|\[|\]|\(|\)|,)
      | (?P<name>[A-Za-z_][A-Za-z0-9_]*)
    )""",
    re.VERBOSE,
)
_KEYWORDS = {"and", "or", "not", "in", "overlaps", "true", "false"}
_COMPARISONS = {"==", "!=", "<", "<=", ">", ">=", "in", "not in", "overlaps"}


@dataclass(frozen=True, slots=True)
class _Token:
    kind: str  # num | str | op | name | kw | end
    text: str


def _tokenize(source: str) -> list[_Token]:
    tokens: list[_Token] = []
    position = 0
    source = source.strip()
    while position < len(source):
        match = _TOKEN.match(source, position)
        if not match or match.end() == position:
            raise ConditionError(f"unexpected text at {source[position : position + 12]!r}")
        kind = match.lastgroup or ""
        text = match.group(kind)
        if kind == "name" and text in _KEYWORDS:
            kind = "kw"
        tokens.append(_Token(kind, text))
        position = match.end()
    tokens.append(_Token("end", ""))
    return tokens


# The parsed form: nested tuples, so a compiled condition is immutable and cheap to evaluate.
Node: TypeAlias = tuple[object, ...]


class _Parser:
    def __init__(self, source: str) -> None:
        self.tokens = _tokenize(source)
        self.index = 0

    def peek(self) -> _Token:
        return self.tokens[self.index]

    def take(self) -> _Token:
        token = self.tokens[self.index]
        self.index += 1
        return token

    def expect(self, text: str) -> None:
        token = self.take()
        if token.text != text:
            raise ConditionError(f"expected {text!r}, found {token.text or 'end of text'!r}")

    def parse(self) -> Node:
        node = self.or_expr()
        if self.peek().kind != "end":
            raise ConditionError(f"unexpected {self.peek().text!r}")
        return node

    def or_expr(self) -> Node:
        parts = [self.and_expr()]
        while self.peek().text == "or":
            self.take()
            parts.append(self.and_expr())
        return parts[0] if len(parts) == 1 else ("or", *parts)

    def and_expr(self) -> Node:
        parts = [self.not_expr()]
        while self.peek().text == "and":
            self.take()
            parts.append(self.not_expr())
        return parts[0] if len(parts) == 1 else ("and", *parts)

    def not_expr(self) -> Node:
        if self.peek().text == "not":
            self.take()
            return ("not", self.not_expr())
        return self.compare()

    def compare(self) -> Node:
        left = self.operand()
        op = self.peek().text
        if op == "not" and self.tokens[self.index + 1].text == "in":
            self.take()
            op = "not in"
        elif op not in _COMPARISONS:
            return ("truth", left)
        self.take()
        return ("cmp", op, left, self.operand())

    def operand(self) -> Node:
        token = self.take()
        if token.text == "(":
            node = self.or_expr()
            self.expect(")")
            return node
        if token.text == "[":
            return ("lit", self._list())
        if token.kind == "name":
            return ("fact", token.text)
        literal = _literal(token)
        return ("lit", literal)

    def _list(self) -> tuple[Scalar, ...]:
        items: list[Scalar] = []
        while self.peek().text != "]":
            items.append(_literal(self.take()))
            if self.peek().text == ",":
                self.take()
            elif self.peek().text != "]":
                raise ConditionError(f"expected ',' or ']' in a list, found {self.peek().text!r}")
        self.take()
        return tuple(items)


def _literal(token: _Token) -> Scalar:
    if token.kind == "str":
        return token.text[1:-1]
    if token.kind == "num":
        return float(token.text) if "." in token.text else int(token.text)
    if token.text in ("true", "false"):
        return token.text == "true"
    raise ConditionError(f"expected a value, found {token.text or 'end of text'!r}")


Facts = Mapping[str, Value]


@dataclass(frozen=True)
class Condition:
    """A compiled `when` clause."""

    source: str
    tree: Node | None  # None: always true

    @staticmethod
    def compile(source: str) -> Condition:
        source = source.strip()
        return Condition(source, _Parser(source).parse() if source else None)

    def names(self) -> set[str]:
        """The fact names the condition reads."""
        found: set[str] = set()
        _walk(self.tree, lambda node: found.add(str(node[1])) if node[0] == "fact" else None)
        return found

    def comparisons(self) -> list[tuple[str, Value]]:
        """(fact name, literal) pairs compared in the condition, for validating literals."""
        pairs: list[tuple[str, Value]] = []

        def visit(node: Node) -> None:
            if node[0] != "cmp":
                return
            _, _, left, right = node
            for a, b in ((left, right), (right, left)):
                if (
                    isinstance(a, tuple)
                    and isinstance(b, tuple)
                    and a[0] == "fact"
                    and b[0] == "lit"
                ):
                    pairs.append((str(a[1]), b[1]))

        _walk(self.tree, visit)
        return pairs

    def evaluate(self, facts: Facts) -> Tri:
        return Tri.TRUE if self.tree is None else _truth(_eval(self.tree, facts))


def _walk(node: Node | None, visit: Callable[[Node], None]) -> None:
    if node is None:
        return
    visit(node)
    for child in node[1:]:
        if isinstance(child, tuple) and child and isinstance(child[0], str):
            _walk(child, visit)


def _truth(value: object) -> Tri:
    if isinstance(value, Tri):
        return value
    if value is UNKNOWN or value is None:
        return Tri.UNKNOWN
    return Tri.of(bool(value))


def _eval(node: Node, facts: Facts) -> object:
    kind = node[0]
    if kind == "lit":
        return node[1]
    if kind == "fact":
        value = facts.get(str(node[1]))
        return UNKNOWN if value is None else value
    if kind == "truth":
        return _truth(_eval(node[1], facts))  # type: ignore[arg-type]
    if kind == "not":
        inner = _truth(_eval(node[1], facts))  # type: ignore[arg-type]
        return Tri(2 - inner.value)
    if kind == "and":
        values = [_truth(_eval(child, facts)) for child in node[1:]]  # type: ignore[arg-type]
        return min(values, key=lambda t: t.value)
    if kind == "or":
        values = [_truth(_eval(child, facts)) for child in node[1:]]  # type: ignore[arg-type]
        return max(values, key=lambda t: t.value)
    _, op, left, right = node
    return _compare(str(op), _eval(left, facts), _eval(right, facts))  # type: ignore[arg-type]


def _compare(op: str, left: object, right: object) -> Tri:
    if left is UNKNOWN or right is UNKNOWN:
        return Tri.UNKNOWN
    try:
        if op == "in":
            return Tri.of(left in right)  # type: ignore[operator]
        if op == "not in":
            return Tri.of(left not in right)  # type: ignore[operator]
        if op == "overlaps":
            return Tri.of(bool(set(left) & set(right)))  # type: ignore[call-overload]
        return Tri.of(_ORDERED[op](left, right))
    except TypeError as error:
        raise ConditionError(f"cannot compare {left!r} {op} {right!r}") from error


_ORDERED: dict[str, Callable[[object, object], bool]] = {
    "==": lambda a, b: a == b,
    "!=": lambda a, b: a != b,
    "<": lambda a, b: a < b,  # type: ignore[operator]
    "<=": lambda a, b: a <= b,  # type: ignore[operator]
    ">": lambda a, b: a > b,  # type: ignore[operator]
    ">=": lambda a, b: a >= b,  # type: ignore[operator]
}
