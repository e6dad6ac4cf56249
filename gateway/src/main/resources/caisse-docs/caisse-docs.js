// The Swagger UI of the merged API description: "Authorize" takes a bearer token of the caisse realm.
window.onload = function () {
  window.ui = SwaggerUIBundle({
    url: '/api/openapi',
    dom_id: '#swagger-ui',
    deepLinking: true,
    persistAuthorization: true,
    presets: [SwaggerUIBundle.presets.apis, SwaggerUIStandalonePreset],
    layout: 'BaseLayout'
  });
};
