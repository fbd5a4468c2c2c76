"""The laptop's addresses a phone could reach, for the facilitator to pick from.

Only interfaces that are up and running; IPv4 first (every phone can type it), then global
IPv6; link-local IPv6 (fe80::, needs a scope a phone does not know) is left out. Loopback comes
last, labelled for what it is: only this laptop can reach it (a rehearsal). An offline laptop
may have no default route at all, so nothing here asks the routing table or the network.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtNetwork import QAbstractSocket, QHostAddress, QNetworkInterface


@dataclass(frozen=True)
class Address:
    host: str
    interface: str
    loopback: bool

    @property
    def label(self) -> str:
        if self.loopback:
            return f"{self.host} — this laptop only (rehearsal)"
        return f"{self.host} — {self.interface}"


def laptop_addresses() -> list[Address]:
    found: list[tuple[int, Address]] = []
    flags = QNetworkInterface.InterfaceFlag
    for interface in QNetworkInterface.allInterfaces():
        state = interface.flags()
        if not (state & flags.IsUp and state & flags.IsRunning):
            continue
        loopback = bool(state & flags.IsLoopBack)
        for entry in interface.addressEntries():
            ip: QHostAddress = entry.ip()
            v4 = ip.protocol() == QAbstractSocket.NetworkLayerProtocol.IPv4Protocol
            if not v4 and (ip.isLinkLocal() or ip.scopeId()):
                continue
            host = ip.toString().split("%")[0]
            rank = (2 if loopback else 0) + (0 if v4 else 1)
            found.append((rank, Address(host, interface.humanReadableName(), loopback)))
    found.sort(key=lambda pair: pair[0])
    return [address for _, address in found]
