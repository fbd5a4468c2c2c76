"""ML Team Maturity Workshop: run a leadership workshop on building a mature ML team."""

__version__ = "0.1.0"
