package org.permanence.system;

import org.apache.coyote.http11.AbstractHttp11Protocol;
import org.springframework.boot.autoconfigure.web.servlet.MultipartProperties;
import org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.stereotype.Component;

/**
 * An upload refused for its size is answered before its body is read to the end. Tomcat then reads
 * and drops the rest only up to its "max swallow size" (2 MB by default) and past it closes the
 * connection while the sender is still sending, which resets it: the sender never reads the 413
 * problem {@link UploadErrors} wrote. The rest of an upload up to twice the largest request allowed
 * is swallowed, so someone sending a slightly too large file is told why; a far larger one is still cut.
 */
@Component
class OverSizeUploads implements WebServerFactoryCustomizer<TomcatServletWebServerFactory> {

    private final MultipartProperties multipart;

    OverSizeUploads(MultipartProperties multipart) {
        this.multipart = multipart;
    }

    @Override
    public void customize(TomcatServletWebServerFactory factory) {
        int swallowed = (int) Math.min(Integer.MAX_VALUE, 2 * multipart.getMaxRequestSize().toBytes());
        factory.addConnectorCustomizers(connector -> {
            if (connector.getProtocolHandler() instanceof AbstractHttp11Protocol<?> http) {
                http.setMaxSwallowSize(swallowed);
            }
        });
    }
}
