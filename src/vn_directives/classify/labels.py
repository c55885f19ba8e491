"""The label sets of ANNOTATION.md sections 3 and 4."""

from __future__ import annotations

KINDS = ("heading", "task", "target", "context")
SECTORS = (
    "postal", "telecom", "digital_government", "cybersecurity", "digital_economy", "ict_industry",
    "press_media", "emulation_rewards", "administration", "economy_finance",
    "land_environment_agriculture", "infrastructure", "society", "security_order", "general",
)
