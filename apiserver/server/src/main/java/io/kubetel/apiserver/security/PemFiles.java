package io.kubetel.apiserver.security;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.PrivateKey;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.openssl.PEMKeyPair;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.util.io.pem.PemObject;

/**
 * Reads and writes PEM certificates and keys. Writes are atomic (temp file + rename) and files are
 * created owner-only (0600) from the start, so a key is never readable by others even briefly.
 */
public final class PemFiles {
  private PemFiles() {}

  /** PEM text of certificates or a key (PKCS#8 for keys). */
  public static String toPem(Object... objects) {
    StringWriter out = new StringWriter();
    try (JcaPEMWriter writer = new JcaPEMWriter(out)) {
      for (Object object : objects) {
        if (object instanceof PrivateKey key) {
          // PKCS#8 "PRIVATE KEY": BouncyCastle's default writer emits a traditional EC key
          // without curve parameters, which neither OpenSSL nor Vert.x can read.
          writer.writeObject(new PemObject("PRIVATE KEY", key.getEncoded()));
        } else {
          writer.writeObject(object);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toString();
  }

  /** Every certificate in a PEM file (a CA bundle may hold several). */
  public static List<X509Certificate> readCertificates(Path file) throws IOException {
    return parseCertificates(Files.readString(file, StandardCharsets.US_ASCII));
  }

  /** Every certificate in PEM text. */
  public static List<X509Certificate> parseCertificates(String pem) throws IOException {
    List<X509Certificate> certificates = new ArrayList<>();
    try (PEMParser parser = new PEMParser(new StringReader(pem))) {
      Object object;
      while ((object = parser.readObject()) != null) {
        if (object instanceof X509CertificateHolder holder) {
          certificates.add(new JcaX509CertificateConverter().getCertificate(holder));
        }
      }
    } catch (CertificateException e) {
      throw new IOException("invalid certificate", e);
    }
    return certificates;
  }

  /** The private key in a PEM file (PKCS#8, or a traditional EC/RSA key). */
  public static PrivateKey readPrivateKey(Path file) throws IOException {
    try (Reader reader = Files.newBufferedReader(file, StandardCharsets.US_ASCII);
        PEMParser parser = new PEMParser(reader)) {
      Object object = parser.readObject();
      JcaPEMKeyConverter converter = new JcaPEMKeyConverter();
      if (object instanceof PrivateKeyInfo info) {
        return converter.getPrivateKey(info);
      }
      if (object instanceof PEMKeyPair pair) {
        return converter.getKeyPair(pair).getPrivate();
      }
      throw new IOException("no private key in " + file);
    }
  }

  /** Whether {@code key} is the private half of {@code certificate}'s public key. */
  public static boolean keyMatches(PrivateKey key, X509Certificate certificate)
      throws java.security.GeneralSecurityException {
    byte[] probe = "kubetel-key-probe".getBytes(StandardCharsets.US_ASCII);
    String algorithm = "EC".equals(key.getAlgorithm()) ? "SHA256withECDSA" : "SHA256withRSA";
    java.security.Signature signer = java.security.Signature.getInstance(algorithm);
    signer.initSign(key);
    signer.update(probe);
    byte[] signature = signer.sign();
    java.security.Signature verifier = java.security.Signature.getInstance(algorithm);
    verifier.initVerify(certificate.getPublicKey());
    verifier.update(probe);
    return verifier.verify(signature);
  }

  /** Writes {@code content} to {@code file} atomically with mode 0600. */
  public static void writePrivate(Path file, String content) throws IOException {
    Path dir = file.toAbsolutePath().getParent();
    Files.createDirectories(dir);
    Path temp = dir.resolve("." + file.getFileName() + ".tmp");
    Files.deleteIfExists(temp);
    try {
      Files.createFile(
          temp, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
    } catch (FileAlreadyExistsException e) {
      throw new IOException("concurrent writer on " + temp, e);
    } catch (UnsupportedOperationException e) {
      Files.createFile(temp); // non-POSIX file system (not a supported deployment target)
    }
    Files.writeString(temp, content, StandardCharsets.UTF_8);
    Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
  }
}
