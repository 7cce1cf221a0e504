"""Attribution: quotes and reported speech."""

from interlock.extract.attribution.features import load_model
from interlock.extract.attribution.speech import find_attributions

__all__ = ["find_attributions", "load_model"]
