"""French words for time expressions (read by :mod:`.intl`)."""

from __future__ import annotations

import re

MONTHS = {
    "janvier": 1, "février": 2, "fevrier": 2, "mars": 3, "avril": 4, "mai": 5, "juin": 6,
    "juillet": 7, "août": 8, "aout": 8, "septembre": 9, "octobre": 10, "novembre": 11,
    "décembre": 12, "decembre": 12,
}  # fmt: skip
WEEKDAYS = {
    "lundi": 0, "mardi": 1, "mercredi": 2, "jeudi": 3, "vendredi": 4, "samedi": 5, "dimanche": 6,
}  # fmt: skip
NUMBERS = {
    "un": 1, "une": 1, "deux": 2, "trois": 3, "quatre": 4, "cinq": 5, "six": 6, "sept": 7,
    "huit": 8, "neuf": 9, "dix": 10, "onze": 11, "douze": 12, "treize": 13, "quatorze": 14,
    "quinze": 15, "seize": 16, "vingt": 20, "trente": 30, "quarante": 40, "cinquante": 50,
    "soixante": 60, "cent": 100,
}  # fmt: skip
VAGUE = ("quelques", "plusieurs", "des")
UNITS = {
    "jour": "D", "jours": "D", "journée": "D", "journées": "D", "semaine": "W", "semaines": "W",
    "mois": "M", "an": "Y", "ans": "Y", "année": "Y", "années": "Y", "heure": "H", "heures": "H",
    "minute": "MIN", "minutes": "MIN", "décennie": "DE", "décennies": "DE", "siècle": "CE",
    "siècles": "CE", "trimestre": "Q", "trimestres": "Q",
}  # fmt: skip
PARTS = {
    "matin": "MO",
    "soir": "EV",
    "soirée": "EV",
    "après-midi": "AF",
    "nuit": "NI",
    "matinée": "MO",
}
SEASONS = {"printemps": "SP", "été": "SU", "automne": "FA", "hiver": "WI"}
DEICTIC = {
    "aujourd'hui": 0, "aujourd’hui": 0, "hier": -1, "avant-hier": -2, "demain": 1,
    "après-demain": 2,
}  # fmt: skip
PAST = ("dernier", "dernière", "derniers", "passé", "passée", "précédent", "précédente")
FUTURE = ("prochain", "prochaine", "prochains", "suivant", "suivante")
THIS = ("ce", "cet", "cette")
PERIOD_UNITS = {"semaine": "week", "mois": "month", "année": "year", "an": "year"}
REFS = {
    "actuellement": "PRESENT_REF", "à présent": "PRESENT_REF", "aujourd'hui encore": "PRESENT_REF",
    "auparavant": "PAST_REF", "autrefois": "PAST_REF", "naguère": "PAST_REF",
    "prochainement": "FUTURE_REF", "bientôt": "FUTURE_REF", "à l'avenir": "FUTURE_REF",
    "dorénavant": "FUTURE_REF", "récemment": "PAST_REF",
}  # fmt: skip
SETS = {"chaque jour": "P1D", "tous les jours": "P1D", "chaque semaine": "P1W",
        "chaque mois": "P1M", "chaque année": "P1Y", "tous les ans": "P1Y"}  # fmt: skip
AGO = r"il y a"  # "il y a 75 ans" (a date in the past)
IN = r"dans"  # "dans trois jours" (a date ahead)
FOR = r"(?:depuis|pendant|durant|en)"
YEAR_WORDS = r"(?:en|l'an|année)"
CLOCK = r"(?P<hour>[01]?\d|2[0-3])\s?h(?:eures?)?(?:\s?(?P<minute>[0-5]\d))?"
NOON = {"midi": 12, "minuit": 0}
# a future-tense verb in the sentence sends a bare weekday ahead ("samedi, il sera ...")
FUTURE_VERBS = re.compile(
    r"\b(?:\w+(?:era|eront|iront|ira|ront|rons|rez)|aura|auront|sera|seront|fera|feront|"
    r"va|vont|prochain\w*|doit|doivent)\b",
    re.IGNORECASE,
)
REFS_EXTRA = {"actuel": "PRESENT_REF", "pour le moment": "PRESENT_REF", "l'avenir": "FUTURE_REF"}
