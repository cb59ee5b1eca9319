"""Dates as precise as they are known: a day, a month or a year ("23 June 2019", "June
2019", "2019"). A wing: it names no app."""

from .value import PartialDate, PartialDateError

__all__ = ["PartialDate", "PartialDateError"]
