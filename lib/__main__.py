"""Command-line access to the models: ``python -m lib <model> key=value ...``.

Same keys and validation as the URL. Prints JSON; on invalid input exits with
code 2 and one line on stderr.
"""

from __future__ import annotations

import json
import math
import sys
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from lib.registry import ParamSet


@dataclass(frozen=True)
class Model:
    params: ParamSet
    run: Callable[[dict[str, Any]], Any]
    results: Callable[[Any], dict[str, Any]]


def _models() -> dict[str, Model]:
    # Imported here so `python -m lib --help` stays fast.
    from lib import bio_anchors, gpt_human, loss

    return {
        "loss": Model(loss.PARAMS, loss.run, loss.cli_results),
        "gpt-human": Model(gpt_human.PARAMS, gpt_human.run, gpt_human.cli_results),
        "bio-anchors": Model(bio_anchors.PARAMS, bio_anchors.run, bio_anchors.cli_results),
    }


class UsageError(Exception):
    pass


def parse_args(params: ParamSet, args: Sequence[str]) -> dict[str, Any]:
    """key=value pairs -> validated values. Unlike the URL, the CLI refuses bad input outright."""
    raw: dict[str, str] = {}
    for arg in args:
        key, sep, text = arg.partition("=")
        if not sep:
            raise UsageError(f"expected key=value, got '{arg}'")
        raw[key] = text
    values, warnings = params.validate(raw)
    if warnings:
        raise UsageError(warnings[0].split(";")[0])
    return values


def _json_safe(x: Any) -> Any:
    if isinstance(x, dict):
        return {str(k): _json_safe(v) for k, v in x.items()}
    if isinstance(x, (list, tuple)):
        return [_json_safe(v) for v in x]
    if isinstance(x, float) and not math.isfinite(x):
        return None
    if hasattr(x, "item"):  # numpy scalars
        return _json_safe(x.item())
    return x


def main(argv: Sequence[str]) -> int:
    models = _models()
    if not argv or argv[0] in ("-h", "--help"):
        print(f"usage: python -m lib {{{','.join(models)}}} [key=value ...]")
        for name, model in models.items():
            print(f"\n{name}:")
            for p in model.params.params:
                print(f"  {p.key}={p.format_value(p.default)}  {p.label} ({p.unit or p.kind})")
        return 0 if argv else 2
    name, *rest = argv
    if name not in models:
        print(f"error: unknown model '{name}' (choose from {', '.join(models)})", file=sys.stderr)
        return 2
    model = models[name]
    try:
        values = parse_args(model.params, rest)
    except UsageError as err:
        print(f"error: {err}", file=sys.stderr)
        return 2
    result = model.run(values)
    out = {"model": name, "params": values, "results": model.results(result)}
    print(json.dumps(_json_safe(out), indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
