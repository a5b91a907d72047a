// The explorer's only script: it sends the controls' values to the server
// and swaps in the HTML (figures and tables) it answers. No drawing here.
(function () {
  "use strict";
  const form = document.getElementById("controls");
  if (!form) return;
  const result = document.getElementById("result");
  const error = document.getElementById("error");
  let pending = null;

  function query() {
    return new URLSearchParams(new FormData(form)).toString();
  }

  function refresh() {
    const q = query();
    if (pending) pending.abort();
    const mine = new AbortController();
    pending = mine;
    form.classList.add("busy");
    fetch(form.dataset.api + "?" + q, { signal: mine.signal })
      .then(function (r) {
        return r.text().then(function (text) {
          if (r.ok) {
            result.innerHTML = text;
            error.textContent = "";
            history.replaceState(null, "", form.getAttribute("action") + "?" + q);
          } else {
            error.textContent = "HTTP " + r.status + ": " + text;
          }
        });
      })
      .catch(function (e) {
        if (e.name !== "AbortError") error.textContent = "no answer from the explorer: " + e;
      })
      .finally(function () {
        if (pending === mine) {
          pending = null;
          form.classList.remove("busy");
        }
      });
  }

  form.querySelectorAll('input[type="range"]').forEach(function (input) {
    const shown = input.nextElementSibling;
    input.addEventListener("input", function () {
      if (shown) shown.textContent = input.value;
    });
  });
  form.addEventListener("change", refresh);
  form.addEventListener("submit", function (e) {
    e.preventDefault();
    refresh();
  });
  const draw = document.getElementById("new-draw");
  if (draw) {
    draw.addEventListener("click", function () {
      const seed = form.elements["seed"];
      seed.value = String((Number(seed.value) || 0) + 1);
      refresh();
    });
  }
})();
