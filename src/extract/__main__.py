"""``python -m extract``: the same as the ``extract`` command."""

import sys

from .cli import main

sys.exit(main())
