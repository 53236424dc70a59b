"""A class body -> a frozen dataclass whose `__eq__`, `__hash__` and `__repr__` are shared closures, not compiled code.

`@frozen` is `@dataclass(frozen=True)` (and `@frozen(kw_only=True)` is `@dataclass(frozen=True, kw_only=True)`), with
the same values, comparisons, hashes and text: the same fields compared, hashed and shown, tuples compared and hashed
as the generated methods compare and hash them, the same `Name(field=value, ...)` text, `...` for a value that holds
itself. What differs is how the methods are made. Python 3.11 writes each generated method of a dataclass as source
text and compiles it: six compilations per frozen class, about 0.45 ms, about 60 ms for the ~120 classes a
`brochure build` imports, a seventh of the whole process. Here the dataclass machinery compiles `__init__` and the
two methods that refuse assignment (`__setattr__`, `__delattr__`), and the other three are closures over the
class's field names (`operator.attrgetter`, a format string): about 0.26 ms a class. Only `dataclasses` internals
are left alone; `fields`, `replace`, `asdict` and pickling work as on any dataclass.
"""

from __future__ import annotations

import dataclasses
import reprlib
from collections.abc import Callable
from operator import attrgetter
from typing import Any, TypeVar, dataclass_transform, overload

T = TypeVar("T")


@overload
@dataclass_transform(frozen_default=True, field_specifiers=(dataclasses.field, dataclasses.Field))
def frozen(cls: type[T], /) -> type[T]: ...


@overload
def frozen(*, kw_only: bool = False) -> Callable[[type[T]], type[T]]: ...


def frozen(cls: type[T] | None = None, /, *, kw_only: bool = False) -> type[T] | Callable[[type[T]], type[T]]:
    """`@dataclass(frozen=True)`, with `__eq__`, `__hash__` and `__repr__` made without compiling (module docstring)."""

    def make(cls: type[T]) -> type[T]:
        made = dataclasses.dataclass(cls, frozen=True, kw_only=kw_only, eq=False, repr=False)
        _add_methods(made)
        return made

    return make if cls is None else make(cls)


def _values(names: tuple[str, ...]) -> Callable[[object], tuple[Any, ...]]:
    """obj -> the tuple (obj.a, obj.b, ...) of the names, as a generated method writes it (a tuple also for one)."""
    if len(names) >= 2:
        return attrgetter(*names)
    if len(names) == 1:
        one = attrgetter(names[0])
        return lambda obj: (one(obj),)
    return lambda obj: ()


def _add_methods(cls: type) -> None:
    """What `dataclass(frozen=True)` adds with eq and repr on, where the class body has not written its own."""
    fields = dataclasses.fields(cls)
    compared = _values(tuple(f.name for f in fields if f.compare))
    hashed = _values(tuple(f.name for f in fields if (f.compare if f.hash is None else f.hash)))
    shown = tuple(f.name for f in fields if f.repr)
    shown_values = _values(shown)
    template = "{}(" + ", ".join(f"{name}={{!r}}" for name in shown) + ")"

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
    explicit_hash = "__hash__" in body and not (body["__hash__"] is None and "__eq__" in body)
    methods: list[Callable[..., object]] = [__repr__, __eq__]
    if not explicit_hash:
        methods.append(__hash__)
    for method in methods:
        name = method.__name__
        if name in body and not (name == "__hash__" and body[name] is None):
            continue
        method.__qualname__ = f"{cls.__qualname__}.{name}"
        setattr(cls, name, method)
