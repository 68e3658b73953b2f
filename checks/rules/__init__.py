"""The audit rules, one small module per rule or per family of closely related rules.

Each module exposes its ``Rule`` objects; ``checks.registry`` lists them in one tuple.
"""
