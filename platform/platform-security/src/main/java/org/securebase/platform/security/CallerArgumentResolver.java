package org.securebase.platform.security;

import org.springframework.core.MethodParameter;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;

/**
 * Lets controllers declare {@code Caller caller} as a parameter. A handler that asks for a caller
 * cannot run without one, so a token without a known role gets 403 instead of reaching it.
 */
public class CallerArgumentResolver implements HandlerMethodArgumentResolver {

    private final CallerContext callerContext;

    public CallerArgumentResolver(CallerContext callerContext) {
        this.callerContext = callerContext;
    }

    @Override
    public boolean supportsParameter(MethodParameter parameter) {
        return Caller.class.equals(parameter.getParameterType());
    }

    @Override
    public Caller resolveArgument(MethodParameter parameter, ModelAndViewContainer mavContainer,
            NativeWebRequest webRequest, WebDataBinderFactory binderFactory) {
        return callerContext.require();
    }
}
