//! TLS for PostgreSQL connections, configured by libpq's URL options
//! (`sslmode`, `sslrootcert`, `sslcert`, `sslkey`), on the pure-Rust `rustls`
//! stack with the `ring` crypto provider.
//!
//! | `sslmode`     | encrypted            | server certificate checked                 |
//! |---------------|----------------------|--------------------------------------------|
//! | `disable`     | never                | —                                          |
//! | `prefer`      | when the server can  | no                                         |
//! | `require`     | always               | no (chain only when `sslrootcert` is given, as libpq) |
//! | `verify-ca`   | always               | chain to `sslrootcert`                     |
//! | `verify-full` | always               | chain to `sslrootcert` and the host name   |
//!
//! `verify-ca`/`verify-full` without `sslrootcert` read libpq's default
//! `~/.postgresql/root.crt`. `sslcert` + `sslkey` present a client
//! certificate (for `cert` authentication in `pg_hba.conf`). Over TLS the
//! SCRAM login is bound to the server certificate (`tls-server-end-point`
//! channel binding) whenever the certificate's signature hash allows it.

use postgres::tls::{ChannelBinding, MakeTlsConnect, TlsConnect, TlsStream};
use postgres::Socket;
use rustls::client::danger::{HandshakeSignatureValid, ServerCertVerified, ServerCertVerifier};
use rustls::client::WebPkiServerVerifier;
use rustls::crypto::{self, CryptoProvider};
use rustls::{
    CertificateError, ClientConfig, DigitallySignedStruct, RootCertStore, SignatureScheme,
};
use rustls_pki_types::pem::PemObject;
use rustls_pki_types::{CertificateDer, PrivateKeyDer, ServerName, UnixTime};
use std::future::Future;
use std::io;
use std::path::{Path, PathBuf};
use std::pin::Pin;
use std::sync::Arc;
use std::task::{Context, Poll};
use tokio::io::{AsyncRead, AsyncWrite, ReadBuf};

/// libpq's `sslmode`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum SslMode {
    /// Plain text only.
    Disable,
    /// TLS when the server offers it, plain text otherwise; no certificate check.
    #[default]
    Prefer,
    /// TLS or fail; the certificate is not checked (unless `sslrootcert` is given).
    Require,
    /// TLS or fail; the certificate must chain to the root certificate.
    VerifyCa,
    /// TLS or fail; the certificate must chain to the root and name the host.
    VerifyFull,
}

impl SslMode {
    /// Parses a libpq `sslmode` value (`allow` is taken as `prefer`).
    pub fn parse(s: &str) -> Option<SslMode> {
        Some(match s {
            "disable" => SslMode::Disable,
            "allow" | "prefer" => SslMode::Prefer,
            "require" => SslMode::Require,
            "verify-ca" => SslMode::VerifyCa,
            "verify-full" => SslMode::VerifyFull,
            _ => return None,
        })
    }

    /// The libpq name.
    pub fn as_str(self) -> &'static str {
        match self {
            SslMode::Disable => "disable",
            SslMode::Prefer => "prefer",
            SslMode::Require => "require",
            SslMode::VerifyCa => "verify-ca",
            SslMode::VerifyFull => "verify-full",
        }
    }

    /// The mode the wire protocol driver understands (it only decides whether
    /// TLS is attempted and whether it is mandatory; checking is ours).
    pub fn driver_mode(self) -> postgres::config::SslMode {
        match self {
            SslMode::Disable => postgres::config::SslMode::Disable,
            SslMode::Prefer => postgres::config::SslMode::Prefer,
            SslMode::Require | SslMode::VerifyCa | SslMode::VerifyFull => {
                postgres::config::SslMode::Require
            }
        }
    }
}

/// The TLS options of a URL.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct TlsOptions {
    /// `sslmode`.
    pub mode: SslMode,
    /// `sslrootcert`: PEM file of the certificate authority (or authorities).
    pub rootcert: Option<PathBuf>,
    /// `sslcert`: PEM file of the client certificate (chain).
    pub cert: Option<PathBuf>,
    /// `sslkey`: PEM file of the client certificate's private key.
    pub key: Option<PathBuf>,
}

/// Why TLS could not be set up from the URL's options.
#[derive(Debug, thiserror::Error)]
pub enum TlsSetupError {
    /// A certificate or key file could not be read or parsed.
    #[error("{option}={path}: {reason}")]
    File {
        /// The URL option that named the file.
        option: &'static str,
        /// The file.
        path: String,
        /// What went wrong.
        reason: String,
    },
    /// The options do not fit together.
    #[error("{0}")]
    Options(String),
    /// rustls refused the configuration.
    #[error("TLS configuration: {0}")]
    Rustls(#[from] rustls::Error),
}

fn file_err(option: &'static str, path: &Path, reason: impl ToString) -> TlsSetupError {
    TlsSetupError::File {
        option,
        path: path.display().to_string(),
        reason: reason.to_string(),
    }
}

fn read_certs(
    option: &'static str,
    path: &Path,
) -> Result<Vec<CertificateDer<'static>>, TlsSetupError> {
    let bytes =
        std::fs::read(path).map_err(|e| file_err(option, path, format!("cannot read: {e}")))?;
    let certs = CertificateDer::pem_slice_iter(&bytes)
        .collect::<Result<Vec<_>, _>>()
        .map_err(|e| file_err(option, path, format!("not a PEM certificate file: {e}")))?;
    if certs.is_empty() {
        return Err(file_err(
            option,
            path,
            "no PEM certificate (BEGIN CERTIFICATE) in the file",
        ));
    }
    Ok(certs)
}

fn provider() -> Arc<CryptoProvider> {
    Arc::new(crypto::ring::default_provider())
}

impl TlsOptions {
    /// The connector for these options; `None` for `sslmode=disable`.
    pub fn connector(&self) -> Result<Option<MakeRustls>, TlsSetupError> {
        if self.mode == SslMode::Disable {
            return Ok(None);
        }
        let provider = provider();
        let mut rootcert = self.rootcert.clone();
        if rootcert.is_none() && matches!(self.mode, SslMode::VerifyCa | SslMode::VerifyFull) {
            // libpq's default location.
            let default = std::env::var_os("HOME")
                .map(|h| PathBuf::from(h).join(".postgresql").join("root.crt"))
                .filter(|p| p.is_file());
            match default {
                Some(p) => rootcert = Some(p),
                None => {
                    return Err(TlsSetupError::Options(format!(
                        "sslmode={} needs the certificate authority that signed the server's \
                         certificate: add sslrootcert=/path/to/ca.crt to the URL",
                        self.mode.as_str()
                    )))
                }
            }
        }
        if rootcert.as_deref() == Some(Path::new("system")) {
            return Err(TlsSetupError::Options(
                "sslrootcert=system: this build carries no system trust store; \
                 name the CA file (sslrootcert=/path/to/ca.crt)"
                    .into(),
            ));
        }
        let verifier: Arc<dyn ServerCertVerifier> = match &rootcert {
            None => Arc::new(NoCheck(provider.clone())),
            Some(path) => {
                let mut roots = RootCertStore::empty();
                for c in read_certs("sslrootcert", path)? {
                    roots.add(c).map_err(|e| {
                        file_err("sslrootcert", path, format!("unusable CA certificate: {e}"))
                    })?;
                }
                let webpki =
                    WebPkiServerVerifier::builder_with_provider(Arc::new(roots), provider.clone())
                        .build()
                        .map_err(|e| file_err("sslrootcert", path, e))?;
                if self.mode == SslMode::VerifyFull {
                    webpki
                } else {
                    Arc::new(ChainOnly(webpki))
                }
            }
        };
        let builder = ClientConfig::builder_with_provider(provider)
            .with_safe_default_protocol_versions()?
            .dangerous()
            .with_custom_certificate_verifier(verifier);
        let config = match (&self.cert, &self.key) {
            (None, None) => builder.with_no_client_auth(),
            (Some(cert), Some(key)) => {
                let chain = read_certs("sslcert", cert)?;
                let key_der = PrivateKeyDer::from_pem_file(key).map_err(|e| {
                    file_err("sslkey", key, format!("no usable PEM private key: {e}"))
                })?;
                builder
                    .with_client_auth_cert(chain, key_der)
                    .map_err(|e| file_err("sslkey", key, format!("does not fit sslcert: {e}")))?
            }
            _ => {
                return Err(TlsSetupError::Options(
                    "a client certificate needs both sslcert=… and sslkey=…".into(),
                ))
            }
        };
        Ok(Some(MakeRustls {
            config: Arc::new(config),
        }))
    }
}

/// `sslmode=prefer|require` without a root certificate: encryption without
/// authentication of the server (as libpq). The handshake signatures are
/// still verified, so the session key belongs to the certificate presented.
#[derive(Debug)]
struct NoCheck(Arc<CryptoProvider>);

impl ServerCertVerifier for NoCheck {
    fn verify_server_cert(
        &self,
        _end_entity: &CertificateDer<'_>,
        _intermediates: &[CertificateDer<'_>],
        _server_name: &ServerName<'_>,
        _ocsp_response: &[u8],
        _now: UnixTime,
    ) -> Result<ServerCertVerified, rustls::Error> {
        Ok(ServerCertVerified::assertion())
    }

    fn verify_tls12_signature(
        &self,
        message: &[u8],
        cert: &CertificateDer<'_>,
        dss: &DigitallySignedStruct,
    ) -> Result<HandshakeSignatureValid, rustls::Error> {
        crypto::verify_tls12_signature(
            message,
            cert,
            dss,
            &self.0.signature_verification_algorithms,
        )
    }

    fn verify_tls13_signature(
        &self,
        message: &[u8],
        cert: &CertificateDer<'_>,
        dss: &DigitallySignedStruct,
    ) -> Result<HandshakeSignatureValid, rustls::Error> {
        crypto::verify_tls13_signature(
            message,
            cert,
            dss,
            &self.0.signature_verification_algorithms,
        )
    }

    fn supported_verify_schemes(&self) -> Vec<SignatureScheme> {
        self.0.signature_verification_algorithms.supported_schemes()
    }
}

/// `sslmode=verify-ca`: the chain must lead to the root certificate; the
/// host name is not compared.
#[derive(Debug)]
struct ChainOnly(Arc<WebPkiServerVerifier>);

impl ServerCertVerifier for ChainOnly {
    fn verify_server_cert(
        &self,
        end_entity: &CertificateDer<'_>,
        intermediates: &[CertificateDer<'_>],
        server_name: &ServerName<'_>,
        ocsp_response: &[u8],
        now: UnixTime,
    ) -> Result<ServerCertVerified, rustls::Error> {
        // webpki checks the chain first and the name last: a name error means
        // the chain was good.
        match self
            .0
            .verify_server_cert(end_entity, intermediates, server_name, ocsp_response, now)
        {
            Err(rustls::Error::InvalidCertificate(
                CertificateError::NotValidForName | CertificateError::NotValidForNameContext { .. },
            )) => Ok(ServerCertVerified::assertion()),
            other => other,
        }
    }

    fn verify_tls12_signature(
        &self,
        message: &[u8],
        cert: &CertificateDer<'_>,
        dss: &DigitallySignedStruct,
    ) -> Result<HandshakeSignatureValid, rustls::Error> {
        self.0.verify_tls12_signature(message, cert, dss)
    }

    fn verify_tls13_signature(
        &self,
        message: &[u8],
        cert: &CertificateDer<'_>,
        dss: &DigitallySignedStruct,
    ) -> Result<HandshakeSignatureValid, rustls::Error> {
        self.0.verify_tls13_signature(message, cert, dss)
    }

    fn supported_verify_schemes(&self) -> Vec<SignatureScheme> {
        self.0.supported_verify_schemes()
    }
}

/// Makes rustls connections for the PostgreSQL driver.
#[derive(Clone)]
pub struct MakeRustls {
    config: Arc<ClientConfig>,
}

impl std::fmt::Debug for MakeRustls {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("MakeRustls")
    }
}

impl MakeTlsConnect<Socket> for MakeRustls {
    type Stream = RustlsStream;
    type TlsConnect = RustlsConnect;
    type Error = io::Error;

    fn make_tls_connect(&mut self, domain: &str) -> Result<RustlsConnect, io::Error> {
        // A name that is neither a DNS name nor an IP address can only be
        // checked by verify-full, which then fails on it; the other modes do
        // not look at the name.
        let name = ServerName::try_from(domain.to_string())
            .or_else(|_| ServerName::try_from("invalid.host.name".to_string()))
            .map_err(|e| io::Error::new(io::ErrorKind::InvalidInput, e))?;
        Ok(RustlsConnect {
            config: self.config.clone(),
            name,
        })
    }
}

/// One pending TLS connection.
pub struct RustlsConnect {
    config: Arc<ClientConfig>,
    name: ServerName<'static>,
}

impl TlsConnect<Socket> for RustlsConnect {
    type Stream = RustlsStream;
    type Error = io::Error;
    type Future = Pin<Box<dyn Future<Output = Result<RustlsStream, io::Error>> + Send>>;

    fn connect(self, stream: Socket) -> Self::Future {
        let connector = tokio_rustls::TlsConnector::from(self.config);
        Box::pin(async move {
            connector
                .connect(self.name, stream)
                .await
                .map(|s| RustlsStream(Box::new(s)))
        })
    }
}

/// An established TLS stream.
pub struct RustlsStream(Box<tokio_rustls::client::TlsStream<Socket>>);

impl AsyncRead for RustlsStream {
    fn poll_read(
        mut self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        buf: &mut ReadBuf<'_>,
    ) -> Poll<io::Result<()>> {
        Pin::new(&mut *self.0).poll_read(cx, buf)
    }
}

impl AsyncWrite for RustlsStream {
    fn poll_write(
        mut self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        buf: &[u8],
    ) -> Poll<io::Result<usize>> {
        Pin::new(&mut *self.0).poll_write(cx, buf)
    }

    fn poll_flush(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<io::Result<()>> {
        Pin::new(&mut *self.0).poll_flush(cx)
    }

    fn poll_shutdown(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<io::Result<()>> {
        Pin::new(&mut *self.0).poll_shutdown(cx)
    }
}

impl TlsStream for RustlsStream {
    fn channel_binding(&self) -> ChannelBinding {
        let (_, conn) = self.0.get_ref();
        let Some(cert) = conn.peer_certificates().and_then(|c| c.first()) else {
            return ChannelBinding::none();
        };
        match end_point_digest(cert.as_ref()) {
            Some(alg) => ChannelBinding::tls_server_end_point(
                ring::digest::digest(alg, cert.as_ref()).as_ref().to_vec(),
            ),
            None => ChannelBinding::none(),
        }
    }
}

/// The hash of `tls-server-end-point` channel binding (RFC 5929 §4.1): the
/// hash of the certificate's signature algorithm, SHA-256 for MD5 and SHA-1.
/// `None` when the algorithm names no single hash (RSASSA-PSS, Ed25519, …):
/// the login then goes without channel binding.
fn end_point_digest(cert_der: &[u8]) -> Option<&'static ring::digest::Algorithm> {
    let oid = signature_algorithm_oid(cert_der)?;
    // 1.2.840.113549.1.1.{4,5,11,12,13} (RSA with MD5/SHA-1/256/384/512),
    // 1.2.840.10045.4.1 (ECDSA SHA-1), 1.2.840.10045.4.3.{2,3,4} (ECDSA SHA-256/384/512).
    const RSA: &[u8] = &[0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 0x01, 0x01];
    const ECDSA_SHA1: &[u8] = &[0x2a, 0x86, 0x48, 0xce, 0x3d, 0x04, 0x01];
    const ECDSA_SHA2: &[u8] = &[0x2a, 0x86, 0x48, 0xce, 0x3d, 0x04, 0x03];
    use ring::digest::{SHA256, SHA384, SHA512};
    if let Some(last) = oid.strip_prefix(RSA) {
        return match last {
            [4] | [5] | [11] => Some(&SHA256),
            [12] => Some(&SHA384),
            [13] => Some(&SHA512),
            _ => None,
        };
    }
    if oid == ECDSA_SHA1 {
        return Some(&SHA256);
    }
    match oid.strip_prefix(ECDSA_SHA2)? {
        [2] => Some(&SHA256),
        [3] => Some(&SHA384),
        [4] => Some(&SHA512),
        _ => None,
    }
}

/// Reads one DER TLV at the start of `d`: (tag, contents, rest).
fn der_tlv(d: &[u8]) -> Option<(u8, &[u8], &[u8])> {
    let (&tag, d) = d.split_first()?;
    let (&first, mut d) = d.split_first()?;
    let len = if first < 0x80 {
        usize::from(first)
    } else {
        let n = usize::from(first & 0x7f);
        if n == 0 || n > 4 || d.len() < n {
            return None;
        }
        let mut len = 0usize;
        for &b in &d[..n] {
            len = (len << 8) | usize::from(b);
        }
        d = &d[n..];
        len
    };
    if d.len() < len {
        return None;
    }
    Some((tag, &d[..len], &d[len..]))
}

/// The OID bytes of a certificate's outer `signatureAlgorithm`.
fn signature_algorithm_oid(cert_der: &[u8]) -> Option<&[u8]> {
    const SEQUENCE: u8 = 0x30;
    const OID: u8 = 0x06;
    let (tag, cert, _) = der_tlv(cert_der)?;
    if tag != SEQUENCE {
        return None;
    }
    let (tag, _tbs, rest) = der_tlv(cert)?;
    if tag != SEQUENCE {
        return None;
    }
    let (tag, alg, _) = der_tlv(rest)?;
    if tag != SEQUENCE {
        return None;
    }
    let (tag, oid, _) = der_tlv(alg)?;
    (tag == OID).then_some(oid)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn modes_parse_by_libpq_names() {
        for m in ["disable", "prefer", "require", "verify-ca", "verify-full"] {
            assert_eq!(SslMode::parse(m).map(SslMode::as_str), Some(m));
        }
        assert_eq!(SslMode::parse("allow"), Some(SslMode::Prefer));
        assert_eq!(SslMode::parse("verify_full"), None);
        assert_eq!(SslMode::parse(""), None);
    }

    #[test]
    fn der_reader_finds_the_signature_algorithm_and_survives_garbage() {
        // SEQUENCE { SEQUENCE { INTEGER 1 }, SEQUENCE { OID 1.2.840.10045.4.3.3 } , BIT STRING }
        let oid = [0x2a, 0x86, 0x48, 0xce, 0x3d, 0x04, 0x03, 0x03];
        let mut alg = vec![0x06, oid.len() as u8];
        alg.extend_from_slice(&oid);
        let mut body = vec![0x30, 0x03, 0x02, 0x01, 0x01, 0x30, alg.len() as u8];
        body.extend_from_slice(&alg);
        body.extend_from_slice(&[0x03, 0x01, 0x00]);
        let mut cert = vec![0x30, body.len() as u8];
        cert.extend_from_slice(&body);
        assert_eq!(signature_algorithm_oid(&cert), Some(&oid[..]));
        assert!(std::ptr::eq(
            end_point_digest(&cert).expect("digest"),
            &ring::digest::SHA384
        ));
        for cut in 0..cert.len() {
            let _ = signature_algorithm_oid(&cert[..cut]);
        }
        assert_eq!(
            signature_algorithm_oid(&[0x30, 0x84, 0xff, 0xff, 0xff, 0xff]),
            None
        );
        assert_eq!(signature_algorithm_oid(&[]), None);
    }

    #[test]
    fn verify_modes_need_a_readable_ca_file() {
        let opts = TlsOptions {
            mode: SslMode::VerifyFull,
            rootcert: Some(PathBuf::from("/nonexistent/sitrep/ca.crt")),
            ..TlsOptions::default()
        };
        let e = opts.connector().expect_err("missing file");
        let m = e.to_string();
        assert!(
            m.contains("sslrootcert=/nonexistent/sitrep/ca.crt") && m.contains("cannot read"),
            "{m}"
        );

        let dir = std::env::temp_dir().join(format!("sitrep-pg-tls-unit-{}", std::process::id()));
        std::fs::create_dir_all(&dir).expect("tmp dir");
        let junk = dir.join("junk.crt");
        std::fs::write(&junk, "this is not a certificate\n").expect("write");
        let opts = TlsOptions {
            mode: SslMode::VerifyCa,
            rootcert: Some(junk.clone()),
            ..TlsOptions::default()
        };
        let m = opts.connector().expect_err("junk file").to_string();
        assert!(m.contains("no PEM certificate"), "{m}");
        let opts = TlsOptions {
            mode: SslMode::Require,
            cert: Some(junk),
            ..TlsOptions::default()
        };
        let m = opts.connector().expect_err("cert without key").to_string();
        assert!(m.contains("sslkey"), "{m}");
        let _ = std::fs::remove_dir_all(&dir);

        let plain = TlsOptions {
            mode: SslMode::Disable,
            ..TlsOptions::default()
        };
        assert!(plain.connector().expect("disable").is_none());
        let prefer = TlsOptions::default();
        assert!(prefer.connector().expect("prefer").is_some());
    }
}
