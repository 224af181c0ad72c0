"""``python -m newslab`` runs the command line."""

from newslab.cli import main

raise SystemExit(main())
