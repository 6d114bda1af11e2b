using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Grpc.Health.V1;
using Grpc.Net.Client;
using RiskGrpc.FunctionalTests.Infrastructure;

namespace RiskGrpc.FunctionalTests.Production;

/// <summary>TLS and mTLS come from the standard Kestrel configuration plus RiskGrpc:Tls:ClientCertificateAuthority.</summary>
public sealed class TransportSecurityTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("riskgrpc-tls").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private static X509Certificate2 Authority()
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest("CN=RiskGrpc test CA", key, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign, true));
        return request.CreateSelfSigned(TimeProvider.System.GetUtcNow().AddDays(-1), TimeProvider.System.GetUtcNow().AddDays(1));
    }

    private static X509Certificate2 Issue(X509Certificate2 authority, string subject, bool server)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest(subject, key, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid(server ? "1.3.6.1.5.5.7.3.1" : "1.3.6.1.5.5.7.3.2")], false));
        if (server)
        {
            var san = new SubjectAlternativeNameBuilder();
            san.AddIpAddress(System.Net.IPAddress.Loopback);
            request.CertificateExtensions.Add(san.Build());
        }

        var serial = RandomNumberGenerator.GetBytes(8);
        using var issued = request.Create(authority, TimeProvider.System.GetUtcNow().AddHours(-1), TimeProvider.System.GetUtcNow().AddHours(12), serial);
        return issued.CopyWithPrivateKey(key);
    }

    [Fact]
    public async Task TlsWithRequiredClientCertificates_ServesTrustedClientsOnly()
    {
        var ct = TestContext.Current.CancellationToken;
        using var authority = Authority();
        using var serverCert = Issue(authority, "CN=127.0.0.1", server: true);
        using var clientCert = Issue(authority, "CN=trading-engine", server: false);
        var pfx = Path.Combine(_dir, "server.pfx");
        await File.WriteAllBytesAsync(pfx, serverCert.Export(X509ContentType.Pfx, "pfx-pass"), ct);
        var ca = Path.Combine(_dir, "ca.crt");
        await File.WriteAllTextAsync(ca, authority.ExportCertificatePem(), ct);

        await using var server = await RiskGrpcTestServer.StartAsync(new Dictionary<string, string?>
        {
            ["Kestrel:Endpoints:Grpc:Url"] = "https://127.0.0.1:0",
            ["Kestrel:Endpoints:Grpc:Certificate:Path"] = pfx,
            ["Kestrel:Endpoints:Grpc:Certificate:Password"] = "pfx-pass",
            ["Kestrel:Endpoints:Grpc:ClientCertificateMode"] = "RequireCertificate",
            ["RiskGrpc:Tls:ClientCertificateAuthority"] = ca,
        });
        Assert.Equal("https", server.GrpcAddress.Scheme);

        GrpcChannel Channel(X509Certificate2? client)
        {
            var handler = new SocketsHttpHandler();
            handler.SslOptions.RemoteCertificateValidationCallback = (_, cert, _, _) =>
            {
                using var chain = new X509Chain();
                chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
                chain.ChainPolicy.CustomTrustStore.Add(authority);
                chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
                return cert is not null && chain.Build(new X509Certificate2(cert));
            };
            if (client is not null)
            {
                handler.SslOptions.ClientCertificates = [client];
            }

            return GrpcChannel.ForAddress(server.GrpcAddress, new GrpcChannelOptions { HttpHandler = handler });
        }

        using (var trusted = Channel(clientCert))
        {
            var reply = await new Health.HealthClient(trusted).CheckAsync(new HealthCheckRequest(), cancellationToken: ct);
            Assert.Equal(HealthCheckResponse.Types.ServingStatus.Serving, reply.Status);
        }

        using var anonymous = Channel(null);
        await Assert.ThrowsAnyAsync<Exception>(async () => await new Health.HealthClient(anonymous).CheckAsync(new HealthCheckRequest(), cancellationToken: ct));

        using var stranger = Authority();
        using var strangerCert = Issue(stranger, "CN=intruder", server: false);
        using var untrusted = Channel(strangerCert);
        await Assert.ThrowsAnyAsync<Exception>(async () => await new Health.HealthClient(untrusted).CheckAsync(new HealthCheckRequest(), cancellationToken: ct));
    }
}
