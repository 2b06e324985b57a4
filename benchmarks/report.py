"""The one output format of the benchmarks: a JSON object per line."""

from __future__ import annotations

import json


def emit(metric: str, value: float, unit: str, target, ok: bool) -> None:
    print(
        json.dumps({"metric": metric, "value": round(value, 3), "unit": unit, "target": target, "ok": ok}), flush=True
    )
