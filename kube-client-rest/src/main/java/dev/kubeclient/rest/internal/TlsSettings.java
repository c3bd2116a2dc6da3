package dev.kubeclient.rest.internal;

import dev.kubeclient.rest.RestConfig;
import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.List;
import javax.net.ssl.HostnameVerifier;
import javax.net.ssl.KeyManager;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSession;
import javax.net.ssl.SSLSessionContext;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509ExtendedTrustManager;
import javax.net.ssl.X509TrustManager;
import okhttp3.OkHttpClient;
import org.jspecify.annotations.Nullable;

/**
 * The TLS side of a {@link RestConfig}: trusted CAs (every certificate of the bundle), the client
 * certificate (static or from an exec plugin, through {@link ClientCertificateKeyManager}), the
 * server name override for SNI and verification, and insecure mode. Applied to an OkHttp builder.
 */
public final class TlsSettings {
  private final SSLSocketFactory socketFactory;
  private final X509TrustManager trustManager;
  private final @Nullable HostnameVerifier hostnameVerifier;
  private final ClientCertificateKeyManager keyManager;
  private final SSLContext context;

  private TlsSettings(
      SSLContext context,
      SSLSocketFactory socketFactory,
      X509TrustManager trustManager,
      @Nullable HostnameVerifier hostnameVerifier,
      ClientCertificateKeyManager keyManager) {
    this.context = context;
    this.socketFactory = socketFactory;
    this.trustManager = trustManager;
    this.hostnameVerifier = hostnameVerifier;
    this.keyManager = keyManager;
  }

  /**
   * Builds the TLS settings of a config, reading files now.
   *
   * @throws IllegalArgumentException when a file or PEM block is unreadable or invalid, naming it
   */
  public static TlsSettings forConfig(RestConfig config) {
    byte[] caData = config.caData();
    Path caFile = config.caFile();
    if (config.insecure() && (caData != null || caFile != null)) {
      throw new IllegalArgumentException(
          "specifying a root certificates file with the insecure flag is not allowed");
    }
    try {
      X509TrustManager trust;
      if (config.insecure()) {
        trust = new TrustAll();
      } else if (caData != null) {
        trust = trustManager(Pem.readCertificates(caData, "certificate-authority-data"));
      } else if (caFile != null) {
        trust =
            trustManager(
                Pem.readCertificates(read(caFile, "certificate-authority"), caFile.toString()));
      } else {
        trust = defaultTrustManager();
      }
      ClientCertificateKeyManager keys = new ClientCertificateKeyManager();
      byte[] certPem = config.certData();
      String certSource = "client-certificate-data";
      if (certPem == null && config.certFile() != null) {
        certPem = read(config.certFile(), "client-certificate");
        certSource = config.certFile().toString();
      }
      byte[] keyPem = config.keyData();
      String keySource = "client-key-data";
      if (keyPem == null && config.keyFile() != null) {
        keyPem = read(config.keyFile(), "client-key");
        keySource = config.keyFile().toString();
      }
      if (certPem != null && keyPem != null) {
        List<X509Certificate> chain = Pem.readCertificates(certPem, certSource);
        PrivateKey key = Pem.readPrivateKey(keyPem, keySource);
        keys.set(key, chain.toArray(new X509Certificate[0]));
      }
      SSLContext ctx = SSLContext.getInstance("TLS");
      ctx.init(new KeyManager[] {keys}, new TrustManager[] {trust}, null);
      SSLSocketFactory factory = ctx.getSocketFactory();
      HostnameVerifier verifier = null;
      if (config.insecure()) {
        verifier = (host, session) -> true;
      } else if (config.serverName() != null) {
        String serverName = config.serverName();
        factory = new ServerNameSocketFactory(factory, serverName);
        verifier = (host, session) -> ServerNameVerifier.verify(serverName, session);
      }
      return new TlsSettings(ctx, factory, trust, verifier, keys);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("cannot set up TLS: " + e.getMessage(), e);
    }
  }

  /** The key manager whose certificate exec plugins may replace. */
  public ClientCertificateKeyManager keyManager() {
    return keyManager;
  }

  /**
   * Forgets the TLS sessions made so far, so that new connections make a full handshake with the
   * current client certificate instead of resuming a session authenticated with the old one (Go's
   * client, as client-go configures it, keeps no session cache).
   */
  public void invalidateSessions() {
    SSLSessionContext sessions = context.getClientSessionContext();
    for (java.util.Enumeration<byte[]> ids = sessions.getIds(); ids.hasMoreElements(); ) {
      SSLSession session = sessions.getSession(ids.nextElement());
      if (session != null) {
        session.invalidate();
      }
    }
  }

  /** Applies socket factory, trust manager and hostname verifier. */
  public void apply(OkHttpClient.Builder builder) {
    builder.sslSocketFactory(socketFactory, trustManager);
    if (hostnameVerifier != null) {
      builder.hostnameVerifier(hostnameVerifier);
    }
  }

  private static byte[] read(Path file, String field) {
    try {
      return Files.readAllBytes(file);
    } catch (IOException e) {
      throw new IllegalArgumentException(
          "cannot read the " + field + " file " + file + ": " + e.getClass().getSimpleName(), e);
    }
  }

  private static X509TrustManager trustManager(List<X509Certificate> cas)
      throws GeneralSecurityException {
    KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
    try {
      store.load(null, null);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
    for (int i = 0; i < cas.size(); i++) {
      store.setCertificateEntry("ca-" + i, cas.get(i));
    }
    TrustManagerFactory tmf =
        TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    tmf.init(store);
    return firstX509(tmf.getTrustManagers());
  }

  private static X509TrustManager defaultTrustManager() throws GeneralSecurityException {
    TrustManagerFactory tmf =
        TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    tmf.init((KeyStore) null);
    return firstX509(tmf.getTrustManagers());
  }

  private static X509TrustManager firstX509(TrustManager[] managers) {
    for (TrustManager m : managers) {
      if (m instanceof X509TrustManager) {
        return (X509TrustManager) m;
      }
    }
    throw new IllegalStateException("no X509TrustManager in the JDK");
  }

  /** Trusts every server certificate: insecure-skip-tls-verify. */
  private static final class TrustAll extends X509ExtendedTrustManager {
    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType) {}

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType) {}

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket) {}

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket) {}

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine) {}

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine) {}

    @Override
    public X509Certificate[] getAcceptedIssuers() {
      return new X509Certificate[0];
    }
  }

  /** Sends {@code serverName} as SNI instead of the URL's host (kubeconfig tls-server-name). */
  private static final class ServerNameSocketFactory extends SSLSocketFactory {
    private final SSLSocketFactory delegate;
    private final String serverName;

    ServerNameSocketFactory(SSLSocketFactory delegate, String serverName) {
      this.delegate = delegate;
      this.serverName = serverName;
    }

    private Socket configure(Socket socket) {
      if (socket instanceof SSLSocket) {
        SSLSocket ssl = (SSLSocket) socket;
        SSLParameters params = ssl.getSSLParameters();
        params.setServerNames(List.of(new SNIHostName(serverName)));
        ssl.setSSLParameters(params);
      }
      return socket;
    }

    @Override
    public String[] getDefaultCipherSuites() {
      return delegate.getDefaultCipherSuites();
    }

    @Override
    public String[] getSupportedCipherSuites() {
      return delegate.getSupportedCipherSuites();
    }

    @Override
    public Socket createSocket(Socket s, String host, int port, boolean autoClose)
        throws IOException {
      return configure(delegate.createSocket(s, host, port, autoClose));
    }

    // OkHttp always layers TLS over a socket it connected itself (the method above); these
    // unlayered variants are never used with this factory.
    @Override
    public Socket createSocket(String host, int port) {
      throw new UnsupportedOperationException("only layered TLS sockets are supported");
    }

    @Override
    public Socket createSocket(String host, int port, InetAddress localHost, int localPort) {
      throw new UnsupportedOperationException("only layered TLS sockets are supported");
    }

    @Override
    public Socket createSocket(InetAddress host, int port) {
      throw new UnsupportedOperationException("only layered TLS sockets are supported");
    }

    @Override
    public Socket createSocket(
        InetAddress address, int port, InetAddress localAddress, int localPort) {
      throw new UnsupportedOperationException("only layered TLS sockets are supported");
    }
  }
}
