"""`analysis.verify(...)`: the `python -m analysis verify` check, called from Python.

Takes the same inputs as the command's options, as keyword arguments named like the options (`from_` for
`--from`, because `from` is a Python keyword), and returns the `rules.Result` the command prints. It goes through
the command's own parser and evaluation, so the two cannot disagree.
"""

from __future__ import annotations

import argparse
import contextlib
import io

from analysis.factcheck import rules
from analysis.factcheck import verify as command


def verify(kind: str, **options: str | float | int | bool | list[str]) -> rules.Result:
    """Check one derived number: `kind` is change, points, share, ratio, difference, rate, count or sum.

    >>> import analysis
    >>> result = analysis.verify("share", part=278, whole=374, stated="almost three-quarters")
    >>> result.verdict, result.rule
    ('accurate', 'almost (up to 5% below, or rounds to it)')
    >>> analysis.verify("change", from_="1,737", to="2,060", stated="18.5 per cent").working  # doctest: +ELLIPSIS
    '(2,060 − 1,737) / 1,737 = 18.60% · printed "18.5 per cent" (1 dp) · rounds to 18.6, not 18.5...'
    >>> analysis.verify("share", part=278)
    Traceback (most recent call last):
    ...
    ValueError: verify share: the following arguments are required: --whole, --stated
    """
    argv = [kind]
    for name, value in options.items():
        option = "--" + name.rstrip("_")
        if value is True:
            argv.append(option)
        elif value is False or value is None:
            continue
        elif isinstance(value, list | tuple):
            argv += [option, *(str(v) for v in value)]
        else:
            argv += [option, str(value)]
    parser = argparse.ArgumentParser(prog="verify", exit_on_error=False)
    command.add_arguments(parser)
    errors = io.StringIO()
    try:
        with contextlib.redirect_stderr(errors):
            args = parser.parse_args(argv)
    except (SystemExit, argparse.ArgumentError) as err:
        last = (errors.getvalue().strip().splitlines() or [str(err)])[-1]
        raise ValueError(f"verify {kind}: {last.split('error: ', 1)[-1]}") from None
    try:
        return command.evaluate(args)
    except command.InputError as err:
        raise ValueError(f"verify {kind}: {err}") from None
