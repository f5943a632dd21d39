"""The smallest report the loader accepts, as YAML: a tjänsteskrivelse and nothing else.

Tests add to it or change one line of it to make the input they need; line numbers in
their expectations count from its first line.
"""

from __future__ import annotations

MINSTA_RAPPORT = """\
kommun: {namn: Uppsala kommun}
namnd: {namn: Socialnämnden, forkortning: SCN}
forvaltning: {namn: Socialförvaltningen}
period: {ar: 2020, slutmanad: 8}
tjansteskrivelse:
  rubrik: Delårsbokslut
  datum: 2020-09-18
  handlaggare: []
  forslag_till_beslut: [{verb: godkänna, objekt: x}]
  undertecknare: [{person: {fornamn: Tomas}, titel: Direktör}]
"""
