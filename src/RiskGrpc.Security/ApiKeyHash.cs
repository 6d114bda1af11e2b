using System.Security.Cryptography;
using System.Text;

namespace RiskGrpc.Security;

/// <summary>
/// Salted API-key hashes in the form <c>sha256:SALT:HASH</c> (both base64), HASH = SHA-256(SALT ‖ UTF-8(key)). API keys
/// are long random secrets, not passwords, so one fast hash is the right tool (a slow KDF would cost milliseconds on
/// every call without adding strength); the salt keeps equal keys from having equal hashes.
/// </summary>
public sealed class ApiKeyHash
{
    private const string Prefix = "sha256";
    private const int SaltBytes = 16;
    private readonly byte[] _salt;
    private readonly byte[] _hash;

    private ApiKeyHash(byte[] salt, byte[] hash)
    {
        _salt = salt;
        _hash = hash;
    }

    /// <summary>Shortest key <see cref="Create"/> accepts.</summary>
    public const int MinimumKeyLength = 16;

    /// <summary>Hashes <paramref name="key"/> with a fresh random salt.</summary>
    /// <exception cref="ArgumentException">The key is shorter than <see cref="MinimumKeyLength"/> characters.</exception>
    public static string Create(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        if (key.Length < MinimumKeyLength)
        {
            throw new ArgumentException($"an API key needs at least {MinimumKeyLength} characters", nameof(key));
        }

        var salt = RandomNumberGenerator.GetBytes(SaltBytes);
        return $"{Prefix}:{Convert.ToBase64String(salt)}:{Convert.ToBase64String(Digest(salt, key))}";
    }

    /// <summary>Parses a stored hash; false when it is not of the form <c>sha256:SALT:HASH</c>.</summary>
    public static bool TryParse(string? text, out ApiKeyHash? hash)
    {
        hash = null;
        var parts = text?.Split(':');
        if (parts is not { Length: 3 } || parts[0] != Prefix)
        {
            return false;
        }

        try
        {
            var salt = Convert.FromBase64String(parts[1]);
            var digest = Convert.FromBase64String(parts[2]);
            if (salt.Length == 0 || digest.Length != SHA256.HashSizeInBytes)
            {
                return false;
            }

            hash = new ApiKeyHash(salt, digest);
            return true;
        }
        catch (FormatException)
        {
            return false;
        }
    }

    /// <summary>True when <paramref name="key"/> hashes to this value; the comparison takes the same time whatever the key.</summary>
    public bool Matches(ReadOnlySpan<char> key)
    {
        Span<byte> digest = stackalloc byte[SHA256.HashSizeInBytes];
        var keyBytes = Encoding.UTF8.GetMaxByteCount(key.Length) <= 512 ? stackalloc byte[Encoding.UTF8.GetMaxByteCount(key.Length)] : new byte[Encoding.UTF8.GetMaxByteCount(key.Length)];
        var written = Encoding.UTF8.GetBytes(key, keyBytes);
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        sha.AppendData(_salt);
        sha.AppendData(keyBytes[..written]);
        sha.GetHashAndReset(digest);
        return CryptographicOperations.FixedTimeEquals(digest, _hash);
    }

    private static byte[] Digest(byte[] salt, string key)
    {
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        sha.AppendData(salt);
        sha.AppendData(Encoding.UTF8.GetBytes(key));
        return sha.GetHashAndReset();
    }
}
