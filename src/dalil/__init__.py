"""Dalil: documenting mass atrocities with a verifiable chain of custody.

Data flows one way: ingest -> vault -> extract -> incidents -> linkage/estimate -> publish.
"""

from dalil.errors import DalilError

__version__ = "0.1.0"

__all__ = ["DalilError", "__version__"]
