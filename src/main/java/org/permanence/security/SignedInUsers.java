package org.permanence.security;

import java.util.List;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;

import org.permanence.people.SignedInUser;
import org.permanence.system.EngineNode;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.MethodParameter;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/** The {@link SignedInUser} of this request, as Spring Security established it; a controller method may take one. */
@Configuration(proxyBeanMethods = false)
@EngineNode
public class SignedInUsers implements WebMvcConfigurer, HandlerMethodArgumentResolver {

    public static Optional<SignedInUser> current() {
        var authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication instanceof OfficeAuthentication signedIn ? Optional.of(signedIn.getPrincipal()) : Optional.empty();
    }

    /**
     * Whoever makes this request, also under {@code /camunda/**}, where Tasklist signs people in itself: signed in to
     * our chain, else to Tasklist in this browser.
     */
    public static Optional<SignedInUser> of(HttpServletRequest request) {
        return current().or(() -> TasklistSession.of(request));
    }

    @Override
    public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
        resolvers.add(this);
    }

    @Override
    public boolean supportsParameter(MethodParameter parameter) {
        return parameter.getParameterType() == SignedInUser.class;
    }

    @Override
    public Object resolveArgument(MethodParameter parameter, ModelAndViewContainer container, NativeWebRequest request,
                                  WebDataBinderFactory binders) {
        return current().orElseThrow(() -> new IllegalStateException(
                "No signed-in user: the path is not among those OfficeSecurity requires a sign-in for"));
    }
}
