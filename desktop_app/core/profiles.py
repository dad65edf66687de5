"""Profiles: which rules run, and from which confidence their edits are applied unattended.

A profile is one immutable object (`Profile`), loaded from TOML. The built-in default lives in
`resources/profiles/default.toml`; a user profile only needs the keys it changes. The GUI's rules
dialog writes the same format, and `scrubtext clean --profile FILE` reads it.

Example::

    [profile]
    name = "strict"
    apply_threshold = 0.8         # edits at or above this confidence are applied by the CLI

    [categories]
    disabled = ["metadata"]       # encoding, boilerplate, metadata, duplicate, spacing, notice

    [thresholds]                  # per-category override of apply_threshold
    boilerplate = 0.9

    [rules]
    disabled = ["spacing.cjk-space"]   # a rule id ("spacing") or a sub-rule id

    [boilerplate]
    phrases = ["Subscribe to our podcast"]    # whole lines, case- and width-insensitive
    patterns = ['^Photo: .*$']                # regular expressions (regex module, time-limited)
    drop_title = false
"""

from __future__ import annotations

import tomllib
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, fields, replace
from pathlib import Path
from types import MappingProxyType
from typing import Any

from desktop_app.core.resources import resource_path

CATEGORIES = ("encoding", "boilerplate", "metadata", "duplicate", "spacing", "notice")


class ProfileError(ValueError):
    """A profile file that cannot be read or has wrong values."""


def _frozen_map(d: Mapping[str, Any] | None) -> Mapping[str, Any]:
    return MappingProxyType(dict(d or {}))


@dataclass(frozen=True)
class Profile:
    """Settings for one cleaning run. Every field is documented here, where it is defined.

    name:               shown in reports and the GUI.
    apply_threshold:    edits with confidence >= this are applied by `clean_text` and the CLI;
                        the rest are only proposed (GUI review, `scrubtext check`).
    thresholds:         per-category overrides of apply_threshold (category -> float).
    disabled_categories: categories whose rules do not run at all.
    disabled_rules:     rule ids (or id prefixes such as "spacing") that do not run.
    phrases:            the user's own boilerplate lines, matched as whole lines.
    patterns:           the user's own regular expressions; a matching line is boilerplate.
    drop_title:         also remove the article's title line (for body-text-only output).
    options:            free-form per-rule settings (rule id -> mapping), for rules that grow knobs.
    """

    name: str = "default"
    apply_threshold: float = 0.8
    thresholds: Mapping[str, float] = field(default_factory=lambda: _frozen_map({}))
    disabled_categories: frozenset[str] = frozenset()
    disabled_rules: frozenset[str] = frozenset()
    phrases: tuple[str, ...] = ()
    patterns: tuple[str, ...] = ()
    drop_title: bool = False
    options: Mapping[str, Mapping[str, Any]] = field(default_factory=lambda: _frozen_map({}))

    # --- decisions -------------------------------------------------------------------------
    def rule_enabled(self, rule_id: str, category: str) -> bool:
        """Whether a rule (or an edit of that rule) may be proposed at all."""
        if category in self.disabled_categories:
            return False
        return not any(rule_id == r or rule_id.startswith(r + ".") for r in self.disabled_rules)

    def threshold_for(self, category: str) -> float:
        return float(self.thresholds.get(category, self.apply_threshold))

    def accepts(self, edit) -> bool:
        """Whether `edit` is applied without review."""
        return self.rule_enabled(edit.rule, edit.category) and edit.confidence >= self.threshold_for(
            edit.category)

    def option(self, rule_id: str, key: str, default: Any = None) -> Any:
        return self.options.get(rule_id, {}).get(key, default)

    # --- variants --------------------------------------------------------------------------
    def with_categories(self, only: Iterable[str] | None = None, skip: Iterable[str] | None = None) -> Profile:
        """A copy restricted to `only` categories and/or without `skip` categories."""
        disabled = set(self.disabled_categories)
        if only is not None:
            only = set(only)
            disabled |= {c for c in CATEGORIES if c not in only}
        if skip is not None:
            disabled |= set(skip)
        return replace(self, disabled_categories=frozenset(disabled))

    def replace(self, **changes: Any) -> Profile:
        return replace(self, **changes)

    def __reduce__(self):
        """Pickle support (process pools, Dask): the read-only mappings travel as plain dicts."""
        state = {f.name: getattr(self, f.name) for f in fields(self)}
        state["thresholds"] = dict(self.thresholds)
        state["options"] = {k: dict(v) for k, v in self.options.items()}
        return (_profile_from_state, (state,))


def _profile_from_state(state: dict[str, Any]) -> Profile:
    state = dict(state)
    state["thresholds"] = _frozen_map(state["thresholds"])
    state["options"] = _frozen_map({k: MappingProxyType(dict(v)) for k, v in state["options"].items()})
    return Profile(**state)


# Every section and key a profile may hold, with the type of its value.
_SCHEMA: dict[str, dict[str, str]] = {
    "profile": {"name": "string", "apply_threshold": "number"},
    "categories": {"disabled": "list of strings", "enabled": "list of strings"},
    "rules": {"disabled": "list of strings"},
    "boilerplate": {"phrases": "list of strings", "patterns": "list of strings", "drop_title": "boolean"},
}


def _type_ok(value: Any, kind: str) -> bool:
    if kind == "string":
        return isinstance(value, str)
    if kind == "number":
        return isinstance(value, int | float) and not isinstance(value, bool)
    if kind == "boolean":
        return isinstance(value, bool)
    if kind == "list of strings":
        return isinstance(value, list) and all(isinstance(x, str) for x in value)
    raise AssertionError(kind)  # pragma: no cover


def _closest(word: str, choices: Iterable[str]) -> str:
    import difflib

    found = difflib.get_close_matches(word, list(choices), n=1, cutoff=0.6)
    return f" (did you mean {found[0]!r}?)" if found else ""


def known_rule_ids() -> set[str]:
    """Every rule id and sub-rule id that a profile may name ("spacing", "spacing.trailing", ...)."""
    from desktop_app.core.rules import load_all

    ids: set[str] = set()
    for r in load_all().values():
        ids.add(r.id)
        ids.update(r.sub_rules)
    return ids


def validate_profile_data(data: Mapping[str, Any]) -> None:
    """Raise ProfileError naming the first unknown section, unknown key, value of the wrong type,
    unknown category or unknown rule id (a typo must not be silently ignored)."""
    sections = set(_SCHEMA) | {"thresholds", "options"}
    for section, body in data.items():
        if section not in sections:
            raise ProfileError(f"unknown section [{section}]{_closest(section, sections)}")
        if not isinstance(body, Mapping):
            raise ProfileError(f"[{section}] must be a table, not a {type(body).__name__}")
        if section == "thresholds":
            for key, value in body.items():
                if key not in CATEGORIES:
                    raise ProfileError(f"unknown category {key!r} in [thresholds]{_closest(key, CATEGORIES)}")
                if not _type_ok(value, "number"):
                    raise ProfileError(f"[thresholds] {key} must be a number, not {value!r}")
            continue
        if section == "options":
            continue  # checked below, against the rules
        schema = _SCHEMA[section]
        for key, value in body.items():
            if key not in schema:
                raise ProfileError(f"unknown key {key!r} in [{section}]{_closest(key, schema)}")
            if not _type_ok(value, schema[key]):
                raise ProfileError(f"[{section}] {key} must be a {schema[key]}, not {value!r}")
    for key in ("disabled", "enabled"):
        for cat in data.get("categories", {}).get(key, ()):
            if cat not in CATEGORIES:
                raise ProfileError(f"unknown category {cat!r} in [categories] {key}{_closest(cat, CATEGORIES)}")
    named = list(data.get("rules", {}).get("disabled", ()))
    options = data.get("options", {})
    if named or options:
        ids = known_rule_ids()
        for rule_id in named:
            if rule_id not in ids:
                raise ProfileError(f"unknown rule id {rule_id!r} in [rules] disabled{_closest(rule_id, ids)}")
        for rule_id, opts in options.items():
            if rule_id not in ids:
                raise ProfileError(f"unknown rule id {rule_id!r} in [options]{_closest(rule_id, ids)}")
            if not isinstance(opts, Mapping):
                raise ProfileError(f"[options.{rule_id}] must be a table")


def profile_from_dict(data: Mapping[str, Any], base: Profile | None = None) -> Profile:
    """Build a profile from parsed TOML; keys that are absent keep `base`'s values.

    Raises ProfileError for an unknown section, key, category or rule id, or a value of the wrong type.
    """
    base = base or Profile()
    validate_profile_data(data)
    try:
        head = data.get("profile", {})
        cats = data.get("categories", {})
        rules = data.get("rules", {})
        bp = data.get("boilerplate", {})
        thresholds = dict(base.thresholds)
        thresholds.update({str(k): float(v) for k, v in data.get("thresholds", {}).items()})
        for k, v in thresholds.items():
            if not 0.0 <= v <= 1.0:
                raise ProfileError(f"threshold for {k!r} must be between 0 and 1, not {v}")
        unknown = set(thresholds) - set(CATEGORIES)
        if unknown:
            raise ProfileError(f"unknown categories in [thresholds]: {', '.join(sorted(unknown))}")
        disabled_c = frozenset(str(c) for c in cats.get("disabled", base.disabled_categories))
        if "enabled" in cats:
            enabled = {str(c) for c in cats["enabled"]}
            disabled_c = frozenset(c for c in CATEGORIES if c not in enabled)
        unknown = set(disabled_c) - set(CATEGORIES)
        if unknown:
            raise ProfileError(f"unknown categories: {', '.join(sorted(unknown))}")
        apply_threshold = float(head.get("apply_threshold", base.apply_threshold))
        if not 0.0 <= apply_threshold <= 1.0:
            raise ProfileError(f"apply_threshold must be between 0 and 1, not {apply_threshold}")
        options = {k: dict(v) for k, v in base.options.items()}
        for k, v in data.get("options", {}).items():
            if not isinstance(v, Mapping):
                raise ProfileError(f"[options.{k}] must be a table")
            options.setdefault(k, {}).update(v)
        return Profile(
            name=str(head.get("name", base.name)),
            apply_threshold=apply_threshold,
            thresholds=_frozen_map(thresholds),
            disabled_categories=disabled_c,
            disabled_rules=frozenset(str(r) for r in rules.get("disabled", base.disabled_rules)),
            phrases=tuple(str(p) for p in bp.get("phrases", base.phrases)),
            patterns=tuple(str(p) for p in bp.get("patterns", base.patterns)),
            drop_title=bool(bp.get("drop_title", base.drop_title)),
            options=_frozen_map({k: MappingProxyType(v) for k, v in options.items()}),
        )
    except ProfileError:
        raise
    except (TypeError, ValueError, AttributeError) as exc:
        raise ProfileError(f"invalid profile: {exc}") from exc


def load_profile(path: str | Path | None = None) -> Profile:
    """Load a profile file over the built-in default (None gives the default itself)."""
    default = _default_profile()
    if path is None:
        return default
    path = Path(path)
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise ProfileError(f"cannot read profile {path}: {exc.strerror or exc}") from exc
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise ProfileError(f"profile {path} is not valid TOML: {exc}") from exc
    try:
        return profile_from_dict(data, default)
    except ProfileError as exc:
        raise ProfileError(f"profile {path}: {exc}") from exc


_DEFAULT: Profile | None = None


def _default_profile() -> Profile:
    global _DEFAULT
    if _DEFAULT is None:
        path = resource_path("profiles", "default.toml")
        data = tomllib.loads(path.read_text(encoding="utf-8")) if path.exists() else {}
        _DEFAULT = profile_from_dict(data, Profile())
    return _DEFAULT


def default_profile() -> Profile:
    """The built-in default profile (resources/profiles/default.toml)."""
    return _default_profile()


def _toml_value(v: Any) -> str:
    if isinstance(v, bool):
        return "true" if v else "false"
    if isinstance(v, int | float):
        return repr(v)
    if isinstance(v, str):
        # TOML basic strings share JSON's escapes for everything we emit.
        import json

        return json.dumps(v, ensure_ascii=False)
    if isinstance(v, list | tuple | frozenset | set):
        items = sorted(v) if isinstance(v, frozenset | set) else list(v)
        return "[" + ", ".join(_toml_value(x) for x in items) + "]"
    raise TypeError(f"cannot write {type(v).__name__} to TOML")


def profile_to_toml(p: Profile) -> str:
    """Serialize a profile; `load_profile` reads the result back to an equal profile."""
    lines = ["[profile]", f"name = {_toml_value(p.name)}", f"apply_threshold = {p.apply_threshold!r}", "",
             "[categories]", f"disabled = {_toml_value(p.disabled_categories)}", "",
             "[thresholds]"]
    lines += [f"{k} = {float(v)!r}" for k, v in sorted(p.thresholds.items())]
    lines += ["", "[rules]", f"disabled = {_toml_value(p.disabled_rules)}", "",
              "[boilerplate]", f"phrases = {_toml_value(p.phrases)}", f"patterns = {_toml_value(p.patterns)}",
              f"drop_title = {_toml_value(p.drop_title)}", ""]
    for rule_id, opts in sorted(p.options.items()):
        lines.append(f"[options.{_toml_value(rule_id)}]")
        lines += [f"{_toml_value(k)} = {_toml_value(v)}" for k, v in sorted(opts.items())]
        lines.append("")
    return "\n".join(lines)
