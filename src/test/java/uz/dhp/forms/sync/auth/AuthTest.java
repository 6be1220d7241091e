package uz.dhp.forms.sync.auth;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.context.FhirContext;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import uz.dhp.forms.store.BundleIdentifier;
import uz.dhp.forms.store.StoredDocument;
import uz.dhp.forms.sync.DeliveryOutcome;
import uz.dhp.forms.sync.DhpGateway;
import uz.dhp.forms.sync.ServerConfig;

/** DHP authentication against {@link FakeDhpAuthServer} over real HTTP on 127.0.0.1. */
class AuthTest {

  private FakeDhpAuthServer sso;
  private final AtomicReference<Instant> now =
      new AtomicReference<>(Instant.parse("2026-11-26T08:00:00Z"));
  private final Clock clock =
      new Clock() {
        @Override
        public Instant instant() {
          return now.get();
        }

        @Override
        public java.time.ZoneId getZone() {
          return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
          return this;
        }
      };

  @BeforeEach
  void start() throws Exception {
    sso = new FakeDhpAuthServer();
  }

  @AfterEach
  void stop() {
    sso.close();
  }

  private ClientCredentialsTokenSource clinic(SecretStore secrets) {
    return new ClientCredentialsTokenSource(
        sso.uri("/oauth/token"),
        Optional.of(sso.uri("/jwt/refresh")),
        sso.clientId,
        secrets,
        "dhp.client",
        clock,
        Duration.ofSeconds(60),
        Duration.ofSeconds(5));
  }

  private SecretStore secrets() {
    InMemorySecretStore s = new InMemorySecretStore();
    s.write("dhp.client", sso.clientSecret.toCharArray());
    return s;
  }

  @Test
  void clientCredentialsTokenIsCachedAndRenewedBeforeExpiryThroughTheRefreshCookie() {
    ClientCredentialsTokenSource tokens = clinic(secrets());

    TokenOutcome first = tokens.currentToken();
    TokenOutcome cached = tokens.currentToken();
    now.set(now.get().plusSeconds(3600 - 59)); // inside the 60 s renewal window
    TokenOutcome renewed = tokens.currentToken();

    assertThat(first).isInstanceOf(TokenOutcome.Token.class);
    assertThat(cached).isSameAs(first);
    assertThat(renewed).isInstanceOf(TokenOutcome.Token.class).isNotEqualTo(first);
    assertThat(sso.grants.get()).isEqualTo(1);
    assertThat(sso.refreshes.get()).isEqualTo(1);
    assertThat(first.toString()).doesNotContain(((TokenOutcome.Token) first).value());
  }

  @Test
  void a401RefreshesTheTokenOnceAndTheRequestIsRepeated() {
    ClientCredentialsTokenSource tokens = clinic(secrets());
    DhpGateway gateway =
        new DhpGateway(ServerConfig.defaults(sso.uri("/fhir")), FhirContext.forR5Cached(), tokens);
    StoredDocument doc =
        new StoredDocument(
            "d1",
            "draft",
            "form-003",
            new BundleIdentifier("urn:ietf:rfc:3986", "urn:uuid:" + UUID.randomUUID()),
            Optional.empty(),
            1,
            "final",
            false,
            Instant.now(),
            "{}".getBytes(StandardCharsets.UTF_8),
            "x");
    assertThat(gateway.send(doc)).isInstanceOf(DeliveryOutcome.Delivered.class);

    sso.revokeAll(); // the server forgets the session: the cached token now gets 401
    DeliveryOutcome afterRevocation = gateway.send(doc);

    assertThat(afterRevocation).isInstanceOf(DeliveryOutcome.Delivered.class);
    assertThat(((DeliveryOutcome.Delivered) afterRevocation).serverId()).isEqualTo("77");
    assertThat(sso.grants.get()).as("a new grant, not a refresh of the dead session").isEqualTo(2);
    assertThat(sso.fhirCalls.get()).isEqualTo(3);
  }

  @Test
  void wrongOrMissingSecretIsAValueThatAsksForTheAdministrator() {
    InMemorySecretStore wrong = new InMemorySecretStore();
    wrong.write("dhp.client", "nope".toCharArray());

    assertThat(clinic(wrong).currentToken())
        .isEqualTo(
            new TokenOutcome.Unavailable(
                "sync.auth.refused", "token endpoint HTTP 401 invalid_client", false));
    assertThat(clinic(new InMemorySecretStore()).currentToken())
        .isInstanceOf(TokenOutcome.Unavailable.class)
        .extracting(t -> ((TokenOutcome.Unavailable) t).reasonKey())
        .isEqualTo("sync.auth.noSecret");
  }

  @Test
  void environmentSecretStoreReadsTheServiceEnvironment() {
    SecretStore env = new EnvironmentSecretStore(Map.of("DHP_SECRET_DHP_CLIENT", sso.clientSecret));
    assertThat(clinic(env).currentToken()).isInstanceOf(TokenOutcome.Token.class);
  }

  /** Plays the system browser: follows the authorization redirect to the loopback listener. */
  private static BrowserLauncher browser() {
    HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NORMAL).build();
    return url ->
        new Thread(
                () -> {
                  try {
                    http.send(
                        HttpRequest.newBuilder(url).build(),
                        HttpResponse.BodyHandlers.discarding());
                  } catch (Exception e) {
                    throw new IllegalStateException(e);
                  }
                })
            .start();
  }

  private PkceLogin pkce(BrowserLauncher browser) {
    return new PkceLogin(
        sso.uri("/authorize"),
        sso.uri("/oauth/token"),
        sso.publicClientId,
        "openid",
        browser,
        clock,
        Duration.ofSeconds(10),
        "<p>Done</p>");
  }

  @Test
  void authorizationCodeWithPkceThroughTheLoopbackRedirectAndRefreshTokenRotation() {
    PkceLogin.LoginOutcome out = pkce(browser()).login();

    assertThat(out).isInstanceOf(PkceLogin.LoginOutcome.LoggedIn.class);
    UserTokenSource user = ((PkceLogin.LoginOutcome.LoggedIn) out).tokens();
    TokenOutcome t1 = user.currentToken();
    assertThat(t1).isInstanceOf(TokenOutcome.Token.class);
    now.set(now.get().plusSeconds(3600));
    TokenOutcome t2 = user.currentToken();
    assertThat(t2).isInstanceOf(TokenOutcome.Token.class).isNotEqualTo(t1);
    assertThat(sso.refreshes.get()).isEqualTo(1);

    user.logout();
    assertThat(user.currentToken())
        .isInstanceOf(TokenOutcome.Unavailable.class)
        .extracting(t -> ((TokenOutcome.Unavailable) t).reasonKey())
        .isEqualTo("sync.auth.loginRequired");
  }

  @Test
  void aForgedRedirectWithAnotherStateIsRefused() {
    BrowserLauncher attacker =
        url -> {
          Map<String, String> q = PkceLogin.parseQuery(url.getRawQuery());
          URI forged = URI.create(q.get("redirect_uri") + "?code=stolen&state=not-yours");
          new Thread(
                  () -> {
                    try {
                      HttpClient.newHttpClient()
                          .send(
                              HttpRequest.newBuilder(forged).build(),
                              HttpResponse.BodyHandlers.discarding());
                    } catch (Exception e) {
                      throw new IllegalStateException(e);
                    }
                  })
              .start();
        };

    assertThat(pkce(attacker).login())
        .isEqualTo(
            new PkceLogin.LoginOutcome.Failed("sync.auth.stateMismatch", "state did not match"));
  }

  @Test
  void aDeniedLoginIsAValue() {
    sso.denyAuthorization = true;
    assertThat(pkce(browser()).login())
        .isInstanceOf(PkceLogin.LoginOutcome.Failed.class)
        .extracting(f -> ((PkceLogin.LoginOutcome.Failed) f).reasonKey())
        .isEqualTo("sync.auth.denied");
  }
}
