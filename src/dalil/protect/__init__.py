"""Witness protection: keys, encryption of identifying details, testimonies, consent."""
