// Entry point for every page: <script type="module" src="{{ asset_url('engage.js') }}">.
// The build rewrites the import below to the content-hashed bundle name.
import { initAll } from "./govuk-frontend.min.js";

// GOV.UK's template sets this class from an inline script, which our CSP
// forbids. Module scripts only run in browsers GOV.UK Frontend supports, so
// reaching this line is the same feature test. Everything works without it:
// it only switches on the enhanced, JavaScript-driven versions of components.
document.body.classList.add("govuk-frontend-supported");

initAll();
