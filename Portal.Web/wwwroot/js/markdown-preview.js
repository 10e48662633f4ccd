// Live preview for the back office's Markdown editor: the server renders and sanitizes exactly as the public page will.
// Without JavaScript the editor's 预览 button does the same with a full page.
(function () {
  var body = document.querySelector('textarea[data-preview]');
  if (!body || !window.fetch) return;
  var preview = document.getElementById(body.getAttribute('data-preview'));
  var token = body.form.querySelector('input[name="af"]');
  var timer = null;
  var latest = 0;
  function render() {
    var ticket = ++latest;
    var data = new FormData();
    data.append('Fields.Body', body.value);
    if (token) data.append(token.name, token.value);
    fetch(body.getAttribute('data-render'), { method: 'POST', body: data, credentials: 'same-origin' })
      .then(function (response) { return response.ok ? response.text() : Promise.reject(response.status); })
      .then(function (html) { if (ticket === latest) preview.innerHTML = html; })
      .catch(function () { /* the 预览 button still works */ });
  }
  body.addEventListener('input', function () {
    clearTimeout(timer);
    timer = setTimeout(render, 300);
  });
  render();
})();
