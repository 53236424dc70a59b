"""A class body -> a frozen dataclass whose methods are made with one compilation, not six.

`@frozen` is `@dataclass(frozen=True)` (`@frozen(kw_only=True)` is `@dataclass(frozen=True, kw_only=True)`): the same
fields, defaults and default factories, `__post_init__`, the same `FrozenInstanceError` on assignment, the same
comparisons and hashes (the compared fields' tuples), the same `Name(field=value, ...)` text, with `...` for a value
that holds itself; `fields`, `replace`, `asdict` and pickling work as on any dataclass. What differs is how the methods
are made. Python 3.11 writes each method of a frozen dataclass as source text and compiles it: six compilations a
class, about 0.45 ms, 50-60 ms for the ~120 classes a `brochure build` imports, a seventh of the whole process. Here
the dataclass machinery only gathers the fields (`dataclass(init=False, repr=False, eq=False)`, nothing compiled);
`__init__` is compiled (it must be fast: a build makes thousands of these objects), once, as dataclasses writes it
but for a frozen class's fields, which it puts into the instance's `__dict__` directly (dataclasses calls
`object.__setattr__` for each, twice as slow);
`__setattr__`, `__delattr__`, `__eq__`, `__hash__` and `__repr__` are closures over the class and its field names
(`operator.attrgetter`, a format string): about 0.13 ms a class. A `@frozen` class derives from `@frozen` classes
only (its `__dataclass_params__` says what was asked of the machinery, not frozen). Fields with `init=False` are not
supported (none is needed): such a class is made by `dataclass(frozen=True)` itself. A class with no docstring
gets `Name(field, ...)` as its `__doc__`. `@mutable` is the same for `@dataclass` (fields that can be assigned).
"""

from __future__ import annotations

import dataclasses
import inspect
import reprlib
import sys
from collections.abc import Callable
from dataclasses import MISSING, Field, FrozenInstanceError
from operator import attrgetter
from types import CodeType
from typing import Any, TypeVar, dataclass_transform, overload

T = TypeVar("T")


@overload
@dataclass_transform(frozen_default=True, field_specifiers=(dataclasses.field, dataclasses.Field))
def frozen(cls: type[T], /) -> type[T]: ...


@overload
def frozen(*, kw_only: bool = False) -> Callable[[type[T]], type[T]]: ...


def frozen(cls: type[T] | None = None, /, *, kw_only: bool = False) -> type[T] | Callable[[type[T]], type[T]]:
    """`@dataclass(frozen=True)`, its methods made with one compilation (module docstring)."""

    def make(cls: type[T]) -> type[T]:
        return _make(cls, kw_only, True)

    return make if cls is None else make(cls)


@dataclass_transform(field_specifiers=(dataclasses.field, dataclasses.Field))
def mutable(cls: type[T], /) -> type[T]:
    """`@dataclass` (fields that can be assigned, unhashable), its methods made as `@frozen` makes them: `__init__`
    assigns each field as dataclasses' does (`self.name = value`), and there is no `__setattr__` or `__delattr__`."""
    return _make(cls, False, False)


def _make(cls: type[T], kw_only: bool, frozen: bool) -> type[T]:
    if any(not f.init for f in getattr(cls, "__dataclass_fields__", {}).values()) or any(
        isinstance(v, Field) and not v.init for v in cls.__dict__.values()
    ):
        return dataclasses.dataclass(cls, frozen=frozen, kw_only=kw_only)
    if not cls.__doc__:  # (else dataclasses writes one from the signature: for a class with no __init__ of its
        # own yet, object's, parsed from text by the tokenizer, about 0.3 ms)
        cls.__doc__ = f"{cls.__name__}({', '.join(inspect.get_annotations(cls))})"
    made = dataclasses.dataclass(cls, init=False, repr=False, eq=False, kw_only=kw_only)
    _add_methods(made, frozen)
    return made


class _Factory:
    """What a parameter with a default factory defaults to (dataclasses' own marker prints so too)."""

    def __repr__(self) -> str:
        return "<factory>"


_FACTORY = _Factory()


_SHAPES: dict[tuple[object, ...], CodeType] = {}  # an __init__'s shape -> its text, compiled (module docstring)


def _init(cls: type, fields: tuple[Field[Any], ...], frozen: bool) -> Callable[..., None]:
    """`__init__` as dataclasses writes it (parameters, defaults, factories, each field set, straight into the
    instance's `__dict__` in a frozen class, then `__post_init__`); annotations are left off. Its text is written
    with stand-in names for the fields and compiled once per shape (which fields have defaults or factories, which
    are keyword-only, a `__post_init__`): 51 compilations for the 119 classes a build imports (15 -> 11 ms). The made
    function's code then gets the class's own names (as parameters, keyword-only defaults, and as the keys or
    attributes it sets)."""
    self_name = "__dataclass_self__" if any(f.name == "self" for f in fields) else "self"
    stand_in = [f"__dataclass_field_{i}__" for i in range(len(fields))]
    kinds = tuple(
        ("factory" if f.default_factory is not MISSING else "default" if f.default is not MISSING else "", f.kw_only)
        for f in fields
    )
    post_init = hasattr(cls, "__post_init__")
    shape = (kinds, frozen, post_init, self_name)
    values: dict[str, object] = {"_HAS_DEFAULT_FACTORY": _FACTORY}
    for n, f in enumerate(fields):
        if f.default_factory is not MISSING:
            values[f"_dflt_{n}"] = f.default_factory
        elif f.default is not MISSING:
            values[f"_dflt_{n}"] = f.default
    code = _SHAPES.get(shape)
    if code is None:
        code = _SHAPES.setdefault(
            shape,
            compile(_init_text(fields, stand_in, ",".join(values), frozen, post_init, self_name), "<string>", "exec"),
        )
    module = sys.modules.get(cls.__module__)
    namespace: dict[str, Any] = {}
    exec(code, module.__dict__ if module is not None else {}, namespace)
    made: Any = namespace["__create_fn__"](**values)
    own = dict(zip(stand_in, (f.name for f in fields), strict=True))
    made.__code__ = made.__code__.replace(
        co_varnames=tuple(own.get(name, name) for name in made.__code__.co_varnames),
        co_consts=tuple(own.get(c, c) if isinstance(c, str) else c for c in made.__code__.co_consts),
        co_names=tuple(own.get(name, name) for name in made.__code__.co_names),
    )
    if made.__kwdefaults__:  # (keyword-only parameters' defaults are kept by name)
        made.__kwdefaults__ = {own.get(name, name): value for name, value in made.__kwdefaults__.items()}
    init: Callable[..., None] = made
    return init


def _init_text(
    fields: tuple[Field[Any], ...], names: list[str], given: str, frozen: bool, post_init: bool, self_name: str
) -> str:
    """The text of `__create_fn__(given)`, which makes `__init__` for fields of these `names` (the n-th field's
    default or factory is `_dflt_n`)."""
    positional: list[str] = []
    keyword: list[str] = []
    lines: list[str] = []
    seen_default = False
    for n, (f, name) in enumerate(zip(fields, names, strict=True)):
        param, value = name, name
        if f.default_factory is not MISSING:
            param += "=_HAS_DEFAULT_FACTORY"
            value = f"_dflt_{n}() if {name} is _HAS_DEFAULT_FACTORY else {name}"
        elif f.default is not MISSING:
            param += f"=_dflt_{n}"
        if not f.kw_only:
            if param != name:
                seen_default = True
            elif seen_default:
                raise TypeError(f"non-default argument {f.name!r} follows default argument")
        (keyword if f.kw_only else positional).append(param)
        if frozen:  # (straight into the instance's dict: twice as fast as object.__setattr__, the same result)
            lines.append(f"  __dataclass_dict__[{name!r}]={value}")
        else:
            lines.append(f"  {self_name}.{name}={value}")
    if post_init:
        lines.append(f"  {self_name}.__post_init__()")
    params = ",".join([self_name, *positional, *(["*", *keyword] if keyword else [])])
    if frozen and fields:
        lines.insert(0, f"  __dataclass_dict__={self_name}.__dict__")
    body = "\n".join(lines) or "  pass"
    return f"def __create_fn__({given}):\n def __init__({params}):\n{body}\n return __init__"


def _values(names: tuple[str, ...]) -> Callable[[object], tuple[Any, ...]]:
    """obj -> the tuple (obj.a, obj.b, ...) of the names, as a generated method writes it (a tuple also for one)."""
    if len(names) >= 2:
        return attrgetter(*names)
    if len(names) == 1:
        one = attrgetter(names[0])
        return lambda obj: (one(obj),)
    return lambda obj: ()


def _add_methods(cls: type, frozen: bool) -> None:
    """What `dataclass(frozen=True)` (or, not `frozen`, `dataclass()`) adds, where the class body has not written
    its own."""
    fields = dataclasses.fields(cls)
    names = frozenset(f.name for f in fields)
    compared = _values(tuple(f.name for f in fields if f.compare))
    hashed = _values(tuple(f.name for f in fields if (f.compare if f.hash is None else f.hash)))
    shown = tuple(f.name for f in fields if f.repr)
    shown_values = _values(shown)
    template = "{}(" + ", ".join(f"{name}={{!r}}" for name in shown) + ")"
    owner: Any = cls  # (typed so for `super`)

    def __setattr__(self: Any, name: str, value: object) -> None:
        if type(self) is cls or name in names:
            raise FrozenInstanceError(f"cannot assign to field {name!r}")
        super(owner, self).__setattr__(name, value)

    def __delattr__(self: Any, name: str) -> None:
        if type(self) is cls or name in names:
            raise FrozenInstanceError(f"cannot delete field {name!r}")
        super(owner, self).__delattr__(name)

    def __eq__(self: object, other: object) -> bool:
        if other.__class__ is self.__class__:
            return compared(self) == compared(other)
        return NotImplemented

    def __hash__(self: object) -> int:
        return hash(hashed(self))

    @reprlib.recursive_repr()
    def __repr__(self: object) -> str:
        return template.format(self.__class__.__qualname__, *shown_values(self))

    body = cls.__dict__
    for name in ("__setattr__", "__delattr__") if frozen else ():
        if name in body:
            raise TypeError(f"Cannot overwrite attribute {name} in class {cls.__name__}")
    explicit_hash = "__hash__" in body and not (body["__hash__"] is None and "__eq__" in body)
    methods: list[Callable[..., object]] = (
        [__setattr__, __delattr__, __repr__, __eq__] if frozen else [__repr__, __eq__]
    )
    if "__init__" not in body:
        methods.insert(0, _init(cls, fields, frozen))
    for method in methods:
        if method.__name__ not in body:
            method.__qualname__ = f"{cls.__qualname__}.{method.__name__}"
            setattr(cls, method.__name__, method)
    if not explicit_hash and not frozen:
        cls.__hash__ = None  # type: ignore[assignment]  # (as dataclasses makes a class that compares but can change)
    elif not explicit_hash:
        __hash__.__qualname__ = f"{cls.__qualname__}.__hash__"
        cls.__hash__ = __hash__  # type: ignore[assignment,method-assign]
