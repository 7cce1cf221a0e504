"""``python -m interlock.cli``: the ``interlock`` command."""

from interlock.cli.root import main

main()
