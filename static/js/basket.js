/* The cart page: start Oscar's basket module (it saves quantities and removes lines without a
   page load), then keep the header's "My Cart (n)", an aria-live region, in step with it. */
(function () {
    "use strict";
    oscar.init();
    oscar.basket.init({ basketURL: document.body.dataset.basketUrl });

    var body = document.getElementById("content_inner");
    var count = document.getElementById("cart-count");
    if (!body || !count) {
        return;
    }
    new MutationObserver(function () {
        if (body.querySelector("#basket_formset .error, #basket_formset .error-block")) {
            return;  // a form with errors changed nothing
        }
        var total = 0;
        body.querySelectorAll("#basket_formset input[name$='-quantity']").forEach(function (input) {
            total += parseInt(input.value, 10) || 0;
        });
        if (count.textContent !== String(total)) {
            count.textContent = total;
            count.nextElementSibling.textContent = total === 1 ? " item" : " items";
        }
    }).observe(body, { childList: true, subtree: true });
})();
