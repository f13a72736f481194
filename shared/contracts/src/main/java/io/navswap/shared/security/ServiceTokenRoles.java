package io.navswap.shared.security;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.SecurityIdentityAugmentor;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.util.Base64;
import java.util.Set;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Keeps the two token families apart: a token signed with the service key carries only the
 * {@code service} role, whatever its groups claim says, and a user token never carries it. So a
 * service that can sign its own tokens still cannot act as an admin or a rider.
 */
@ApplicationScoped
public class ServiceTokenRoles implements SecurityIdentityAugmentor {
    private final String serviceKeyId;
    private final ObjectMapper mapper;

    ServiceTokenRoles(@ConfigProperty(name = "navswap.jwt.service-key-id") String serviceKeyId, ObjectMapper mapper) {
        this.serviceKeyId = serviceKeyId;
        this.mapper = mapper;
    }

    @Override
    public Uni<SecurityIdentity> augment(SecurityIdentity identity, AuthenticationRequestContext context) {
        if (identity.isAnonymous() || !(identity.getPrincipal() instanceof JsonWebToken jwt)) {
            return Uni.createFrom().item(identity);
        }
        boolean serviceSigned = serviceKeyId.equals(keyId(jwt.getRawToken()));
        Set<String> roles = identity.getRoles();
        boolean consistent = serviceSigned ? roles.equals(Set.of(Roles.SERVICE)) : !roles.contains(Roles.SERVICE);
        if (consistent) {
            return Uni.createFrom().item(identity);
        }
        QuarkusSecurityIdentity.Builder builder = QuarkusSecurityIdentity.builder()
                .setPrincipal(identity.getPrincipal())
                .addCredentials(identity.getCredentials())
                .addAttributes(identity.getAttributes());
        if (serviceSigned) {
            builder.addRole(Roles.SERVICE);
        } else {
            roles.stream().filter(role -> !Roles.SERVICE.equals(role)).forEach(builder::addRole);
        }
        return Uni.createFrom().item(builder.build());
    }

    private String keyId(String rawToken) {
        if (rawToken == null) {
            return null;
        }
        int dot = rawToken.indexOf('.');
        if (dot < 0) {
            return null;
        }
        try {
            JsonNode header = mapper.readTree(Base64.getUrlDecoder().decode(rawToken.substring(0, dot)));
            return header.path("kid").asText(null);
        } catch (IOException | IllegalArgumentException e) {
            return null;
        }
    }
}
