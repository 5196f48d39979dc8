package ai.seed.web.api;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.InputStream;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * The browsable API documentation (Swagger UI from the bundled webjar, nothing from a CDN) at
 * {@code /api/docs/}, reading the OpenAPI document the server publishes at {@code /openapi}.
 */
@Path("/docs")
@ApplicationScoped
public class ApiDocsResource {

    private static final String WEBJAR = "/META-INF/resources/webjars/swagger-ui/5.34.1/";
    private static final Map<String, String> FILES = Map.of(
            "swagger-ui.css", "text/css",
            "swagger-ui-bundle.js", "application/javascript",
            "swagger-ui-standalone-preset.js", "application/javascript",
            "favicon-32x32.png", "image/png");
    private static final String INDEX = """
            <!doctype html>
            <html lang="en"><head><meta charset="utf-8"><title>Seed API</title>
            <link rel="stylesheet" href="/api/docs/swagger-ui.css"></head>
            <body><div id="ui"></div>
            <script src="/api/docs/swagger-ui-bundle.js"></script>
            <script>SwaggerUIBundle({url: '/openapi', dom_id: '#ui', deepLinking: true});</script>
            </body></html>""";

    @GET
    @Produces(MediaType.TEXT_HTML)
    @Operation(hidden = true)
    public String index() {
        return INDEX;
    }

    @GET
    @Path("{file}")
    @Operation(hidden = true)
    public Response file(@PathParam("file") String file) {
        String type = FILES.get(file);
        if ("index.html".equals(file)) {
            return Response.ok(INDEX, MediaType.TEXT_HTML).build();
        }
        InputStream in = type == null ? null : ApiDocsResource.class.getResourceAsStream(WEBJAR + file);
        if (in == null) {
            return Response.status(404).build();
        }
        return Response.ok(in, type).header("Cache-Control", "public, max-age=86400").build();
    }
}
