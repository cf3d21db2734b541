// Swagger UI on LiveModel's OpenAPI document, with LoopBack explorer's access-token box: the token is
// kept in sessionStorage (shared with /console) and sent as the access_token query parameter.
(function () {
  var KEY = 'livemodel.accessToken';
  var ui = SwaggerUIBundle({
    url: 'openapi.json',
    dom_id: '#swagger-ui',
    deepLinking: true,
    presets: [SwaggerUIBundle.presets.apis, SwaggerUIStandalonePreset],
    layout: 'BaseLayout',
    onComplete: function () { apply(sessionStorage.getItem(KEY) || ''); }
  });
  window.ui = ui;

  var applied = false;

  function apply(token) {
    document.getElementById('lm-token').value = token;
    if (token) {
      ui.preauthorizeApiKey('access_token', token);
      applied = true;
    } else if (applied) {
      ui.authActions.logout(['access_token']);
      applied = false;
    }
    document.getElementById('lm-token-state').textContent = token ? 'token set' : 'no token';
  }

  document.getElementById('lm-header').addEventListener('submit', function (e) {
    e.preventDefault();
    var token = document.getElementById('lm-token').value.trim();
    if (token) {
      sessionStorage.setItem(KEY, token);
    } else {
      sessionStorage.removeItem(KEY);
    }
    apply(token);
  });
})();
