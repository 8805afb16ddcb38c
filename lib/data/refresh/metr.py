"""METR's Time Horizon 1.1 results file -> data/metr_time_horizons.csv.

Source: https://metr.org/assets/benchmark_results_1_1.yaml, the "raw data" of metr.org/time-horizons
(the daily mirror IAPS-AI/METR-Time-Horizons fetches exactly this URL in
.github/workflows/update-data.yml; its copy at commit c59c78bf is the file the shipped rows came
from). Its structure, as PyYAML reads it::

    benchmark_name: METR-Horizon-v1.1
    doubling_time_in_days:            # the May 2026 file comments: excludes points with central estimate p50 > 16 hrs
      all_time_stitched: {point_estimate: 187.778}
      from_2023_on: {ci_high: 158.012, ci_low: 104.428, point_estimate: 128.744}
    long_tasks_version: <git sha>
    results:
      <model key>:                    # e.g. gpt_5_2, claude_opus_4_6_inspect
        benchmark_name: METR-Horizon-v1.1    # or METR-Horizon-v1.0 for rows carried over
        metrics:
          average_score: {estimate: 0.752875}
          is_sota: true               # later files add is_sota_p50 / is_sota_p80
          p50_horizon_length: {ci_high: ..., ci_low: ..., estimate: ...}   # minutes
          p80_horizon_length: {ci_high: ..., ci_low: ..., estimate: ...}
          usage: {...}                # in some versions
        release_date: 2025-12-11      # an unquoted date
        scaffolds: [...]
    swaa_version: <git sha>

The file has keys, not display names: ``model`` keeps the name the current CSV gives a key, and a new
key is named from its spelling (reported, to be checked by hand).
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Mapping
from datetime import date
from typing import Any

import yaml

from lib.data.refresh.common import (
    Converted,
    RefreshError,
    calendar_date,
    enough_rows,
    header,
    ordered,
    positive,
    text_of,
)

NAME = "metr"
FILE = "metr_time_horizons.csv"
URL = "https://metr.org/assets/benchmark_results_1_1.yaml"
PAGE = "https://metr.org/time-horizons"
BENCHMARK = "METR-Horizon-v1.1"
COLUMNS = ["key", "model", "release_date", "suite", "p50_min", "p50_ci_low", "p50_ci_high", "p80_min", "p80_ci_low",
           "p80_ci_high", "is_sota", "average_score", "source_quality"]
KEY = re.compile(r"[A-Za-z0-9][A-Za-z0-9_.\-]*")
# METR writes a note on the trend block as a YAML comment, which a parser drops; it is read from the text.
TREND_COMMENT = re.compile(r"^doubling_time_in_days:[ \t]*#[ \t]*(.+?)[ \t]*$", re.MULTILINE)


def load(text: str) -> dict[str, Any]:
    """The YAML document, refusing what does not parse, repeated keys, and a top level that is not a mapping.

    PyYAML keeps the last of two equal keys without a word, so the node tree (composed with the safe
    loader, nothing constructed) is checked for repeats before :func:`yaml.safe_load` builds values.
    """
    try:
        _no_repeated_keys(yaml.compose(text, Loader=yaml.SafeLoader))
        doc = yaml.safe_load(text)
    except yaml.MarkedYAMLError as err:
        mark = err.problem_mark
        where = f" at line {mark.line + 1}" if mark is not None else ""
        raise RefreshError(f"not valid YAML{where}: {err.problem} (cut short or not METR's file)") from None
    except yaml.YAMLError as err:
        raise RefreshError(f"not valid YAML: {str(err).splitlines()[0]}") from None
    if not isinstance(doc, dict):
        raise RefreshError(f"the YAML is a {type(doc).__name__}, not METR's results mapping")
    return doc


def _no_repeated_keys(node: yaml.Node | None) -> None:
    if isinstance(node, yaml.MappingNode):
        seen: set[str] = set()
        for k, v in node.value:
            if isinstance(k, yaml.ScalarNode):
                if k.value in seen:
                    raise RefreshError(f"key '{k.value}' appears twice (line {k.start_mark.line + 1})")
                seen.add(k.value)
            _no_repeated_keys(v)
    elif isinstance(node, yaml.SequenceNode):
        for item in node.value:
            _no_repeated_keys(item)


def _get(mapping: object, path: str, within: str = "") -> Any:
    """``mapping['a']['b']`` for ``path`` 'a.b', or a RefreshError naming the first key missing
    (as ``within.a`` when ``mapping`` is itself at ``within``)."""
    value, parts = mapping, path.split(".")
    for i, part in enumerate(parts):
        if not isinstance(value, dict) or part not in value:
            raise RefreshError(f"missing key '{'.'.join([within, *parts[:i + 1]] if within else parts[:i + 1])}'")
        value = value[part]
    return value


def _horizon(metrics: dict[str, Any], which: str, key: str) -> list[float]:
    block = f"{which}_horizon_length"
    est, low, high = (positive(_get(metrics, f"{block}.{f}", "metrics"), f"{key}: {block}.{f}")
                      for f in ("estimate", "ci_low", "ci_high"))
    ordered(low, est, high, f"{key}: {block}")
    return [est, low, high]


def _row(key: str, entry: object, default_suite: str, name: str, today: date) -> list[str]:
    if not isinstance(entry, dict):
        raise RefreshError(f"results.{key} is not a mapping")
    try:
        metrics = _get(entry, "metrics")
        released = calendar_date(_get(entry, "release_date"), f"{key}: release_date", today)
        p50, p80 = _horizon(metrics, "p50", key), _horizon(metrics, "p80", key)
        sota = _get(metrics, "is_sota", "metrics")
        score = positive(_get(metrics, "average_score.estimate", "metrics"), f"{key}: average_score")
    except RefreshError as err:
        text = str(err)
        raise RefreshError(text if text.startswith(key) else f"{key}: {text}") from None
    if not isinstance(sota, bool):
        raise RefreshError(f"{key}: is_sota is {sota!r}, not true or false")
    if score > 1:
        raise RefreshError(f"{key}: average_score {score:g} is above 1 (it is a success rate)")
    suite = entry.get("benchmark_name", default_suite)
    if not isinstance(suite, str) or not suite.startswith("METR-Horizon-v1"):
        raise RefreshError(f"{key}: benchmark_name {suite!r} is not a METR Time Horizon suite")
    return [key, name, released.isoformat(), suite, *map(repr, p50), *map(repr, p80), str(sota).lower(), repr(score),
            "primary"]


def display_name(key: str) -> str:
    """A readable name for a key METR adds ('gpt_5_5' -> 'GPT-5.5', 'claude_opus_5_inspect' -> 'Claude Opus 5').

    A guess from the spelling: METR's file has no names, so the summary lists every name made this way.
    """
    words: list[str] = []
    for token in key.removesuffix("_inspect").split("_"):
        if token.isdigit() and len(token) <= 2 and words and words[-1][-1].isdigit():
            words[-1] += f".{token}"  # version numbers are spelt 4_5 for 4.5
        elif token.isdigit() and len(token) <= 2 and words and words[-1] == "GPT":
            words[-1] += f"-{token}"
        elif token.lower() == "gpt":
            words.append("GPT")
        elif re.fullmatch(r"o\d+", token):
            words.append(token)  # OpenAI's o1, o3 are written lower case
        else:
            words.append(token[:1].upper() + token[1:])
    return " ".join(words) or key


def trend_note(doc: dict[str, Any], text: str) -> str | None:
    """The header line on METR's doubling-time block, or None when the file has no such block.

    A block that is there but malformed is an error: it says the file's structure moved.
    """
    block = doc.get("doubling_time_in_days")
    if block is None:
        return None
    what = "doubling_time_in_days"
    mid, low, high = (positive(_get(block, f"from_2023_on.{f}", what), f"{what}.from_2023_on.{f}")
                      for f in ("point_estimate", "ci_low", "ci_high"))
    stitched = positive(_get(block, "all_time_stitched.point_estimate", what), f"{what}.all_time_stitched")
    ordered(low, mid, high, f"{what}.from_2023_on")
    comment = TREND_COMMENT.search(text)
    note = f'; the file notes "{comment.group(1)}"' if comment else ""
    return (f"METR's trend block in the same file: doubling_time_in_days.from_2023_on = {mid:g} "
            f"(95% CI {low:g}-{high:g}); all_time_stitched = {stitched:g}{note}.")


def convert(body: bytes, url: str, today: date, current: Mapping[str, str], current_rows: int) -> Converted:
    """METR's file at ``url`` as the shipped CSV: checked, converted, with its provenance header.

    ``current`` maps the current file's keys to their display names; ``current_rows`` is its row
    count, for the truncation guard.
    """
    text = text_of(body, "METR's YAML")
    doc = load(text)
    if doc.get("benchmark_name") != BENCHMARK:
        raise RefreshError(f"benchmark_name is {str(doc.get('benchmark_name'))[:40]!r}, not {BENCHMARK!r}: "
                           "not METR's Time Horizon 1.1 file")
    results = doc.get("results")
    if not isinstance(results, dict) or not results:
        raise RefreshError("no 'results' mapping of models in the file")
    rows, named = [], []
    for key, entry in results.items():
        key = str(key)
        if not KEY.fullmatch(key):
            raise RefreshError(f"model key {key[:40]!r} is not a plain identifier")
        if key not in current:
            named.append(f"{key} -> {display_name(key)}")
        rows.append(_row(key, entry, BENCHMARK, current.get(key) or display_name(key), today))
    enough_rows(len(rows), current_rows, "models")
    rows.sort(key=lambda r: (r[2], r[0]))  # by release date, then key: the shipped order
    trend = trend_note(doc, text)
    suites = {r[3] for r in rows}
    carried = (" (METR-Horizon-v1.0 rows are carried over inside the v1.1 file)"
               if "METR-Horizon-v1.0" in suites else "")
    head = header(
        f"METR Time Horizon 1.1 ({BENCHMARK}): per-model time horizons, the data behind metr.org/time-horizons.",
        {"source": f"METR, Time Horizon 1.1 ({PAGE}; file {url})",
         "snapshot": (f"{today.isoformat()}, fetched by python -m lib data refresh; all {len(rows)} rows are METR's "
                      f"file as fetched (source_quality=primary)"),
         "licence": 'none stated by METR; credit "Data: METR, Time Horizon 1.1" and link the page'},
        [(f"Horizons in minutes of expert-human task time at 50% (p50) and 80% (p80) success; ci_low/ci_high are "
          f"METR's bootstrap 95% intervals. suite = the benchmark a row was measured on{carried}. is_sota = METR's "
          f"own flag. Release dates as METR gives them. METR's file has keys only: model is the name the previous "
          f"snapshot gave a key, or one made from the key for a new one."),
         *([trend] if trend else []),
         ("METR's caveats (notes of 2026-01-22 and 2026-03-20): per-model error bars are about a factor of 2 each "
          "way and worse as the suite saturates; \"measurements above 16 hrs are unreliable with our current task "
          "suite\"; a time horizon is not the length of time an AI can work independently.")])
    out = io.StringIO()
    out.write(head)
    writer = csv.writer(out, lineterminator="\n")  # quotes a display name with a comma, as pandas would
    writer.writerow(COLUMNS)
    writer.writerows(rows)
    notes = (f"names made from new keys (check them): {', '.join(named)}",) if named else ()
    return Converted(out.getvalue(), len(rows), rows[-1][2], tuple(r[0] for r in rows), notes)
