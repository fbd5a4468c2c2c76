"""The addresses the panel offers: the laptop's own, usable by a phone, loopback last."""

from __future__ import annotations

import ipaddress

from workshop.ui.room.addresses import laptop_addresses


def test_the_laptop_s_addresses_come_usable_first_and_loopback_last() -> None:
    found = laptop_addresses()
    hosts = [a.host for a in found]
    assert "127.0.0.1" in hosts
    parsed = [ipaddress.ip_address(h) for h in hosts]
    assert not any(p.is_link_local for p in parsed)  # fe80:: needs a scope no phone knows
    assert not any(p.is_unspecified for p in parsed)  # never 0.0.0.0 or ::
    loopback = [a.loopback for a in found]
    assert loopback == sorted(loopback)  # every real interface before loopback
    assert all("this laptop only" in a.label for a in found if a.loopback)
