using System.Net.Security;
using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.Server.Kestrel.Https;

namespace RiskGrpc.Server.Security;

/// <summary>
/// mTLS: with <c>RiskGrpc:Tls:ClientCertificateAuthority</c> (a PEM or DER file) client certificates on HTTPS endpoints
/// are trusted only when they chain to that authority (not to the machine's store). Whether a certificate is asked for
/// or required is the endpoint's standard Kestrel setting <c>ClientCertificateMode</c>.
/// </summary>
internal static class ClientCertificateTrust
{
    public static void Configure(HttpsConnectionAdapterOptions https, string? authorityPath)
    {
        if (string.IsNullOrWhiteSpace(authorityPath))
        {
            return;
        }

        var authority = X509CertificateLoader.LoadCertificateFromFile(authorityPath);
        https.ClientCertificateValidation = (certificate, _, errors) =>
        {
            if ((errors & ~(SslPolicyErrors.RemoteCertificateChainErrors | SslPolicyErrors.RemoteCertificateNameMismatch)) != 0)
            {
                return false;
            }

            using var chain = new X509Chain();
            chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
            chain.ChainPolicy.CustomTrustStore.Add(authority);
            chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
            chain.ChainPolicy.ApplicationPolicy.Add(new System.Security.Cryptography.Oid("1.3.6.1.5.5.7.3.2")); // client authentication
            return chain.Build(certificate);
        };
    }
}
