"""A throw-away self-signed certificate, made at start, so https pages are secure contexts.

The browsers are told to accept it (Chromium ``--ignore-certificate-errors``, Firefox BiDi
``acceptInsecureCerts``), so one certificate serves every scenario host.
"""

from __future__ import annotations

import datetime
import ssl
import tempfile
from pathlib import Path


def server_context(directory: Path) -> ssl.SSLContext:
    """A server-side TLS context with a fresh key and certificate written under ``directory``."""
    from cryptography import x509
    from cryptography.hazmat.primitives import hashes, serialization
    from cryptography.hazmat.primitives.asymmetric import ec
    from cryptography.x509.oid import NameOID

    key = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "origin-playground harness")])
    now = datetime.datetime.now(datetime.UTC)
    cert = (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(name)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - datetime.timedelta(days=1))
        .not_valid_after(now + datetime.timedelta(days=7))
        .add_extension(x509.SubjectAlternativeName([x509.DNSName("localhost"), x509.DNSName("*.test")]), critical=False)
        .sign(key, hashes.SHA256())
    )
    cert_path, key_path = directory / "cert.pem", directory / "key.pem"
    cert_path.write_bytes(cert.public_bytes(serialization.Encoding.PEM))
    key_path.write_bytes(
        key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption())
    )
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.set_alpn_protocols(["http/1.1"])  # the server speaks HTTP/1.1 only
    context.load_cert_chain(cert_path, key_path)
    return context


def temporary_context() -> ssl.SSLContext:
    with tempfile.TemporaryDirectory(prefix="op-cert-") as directory:
        return server_context(Path(directory))
