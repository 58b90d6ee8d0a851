// Renders the engine's API contract (/openapi.yaml) with the Redoc bundle served beside this file.
// Search is off: Redoc runs it in a Web Worker made from a blob: URL, which the page's
// Content-Security-Policy does not allow (worker-src 'none').
(function () {
  var element = document.getElementById('redoc');
  window.Redoc.init(element.getAttribute('data-spec-url'), {
    disableSearch: true,
    expandResponses: '200,201,202',
    hideDownloadButton: false,
    pathInMiddlePanel: true,
    sortPropsAlphabetically: false
  }, element);
})();
