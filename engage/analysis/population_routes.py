"""Officers enter Luton's population figures, with their source, to compare who took part."""

from flask import abort, flash, redirect, render_template, request, url_for
from flask_login import current_user

from engage.accounts.forms import age_band_label
from engage.accounts.models import AgeBand
from engage.analysis import bp, population
from engage.analysis.forms import ButtonForm, ReferencePopulationForm, share_text
from engage.analysis.models import PopulationBreakdown
from engage.analysis.service import AnalysisError
from engage.extensions import db
from engage.forms import show_error
from engage.i18n import _
from engage.permissions import require

SPARE_ROWS = 3


def _initial_rows(breakdown: PopulationBreakdown, found) -> list[dict]:
    saved = found.share_map() if found else {}
    if breakdown is PopulationBreakdown.AGE:
        return [
            {"group": g, "share": share_text(saved[g]) if g in saved else ""}
            for g in population.AGE_GROUPS
        ]
    rows = [{"group": g, "share": share_text(v)} for g, v in sorted(saved.items())]
    return rows + [{"group": "", "share": ""}] * max(SPARE_ROWS, 6 - len(rows))


def _form(breakdown: PopulationBreakdown, found) -> ReferencePopulationForm:
    if request.method == "POST":
        return ReferencePopulationForm(breakdown=breakdown)
    data = {"shares": _initial_rows(breakdown, found)}
    if found:
        data.update(publisher=found.publisher, title=found.title, year=str(found.year))
        data["url"] = found.url
    return ReferencePopulationForm(data=data, breakdown=breakdown)


@bp.route("/manage/analysis/population/<any(age, district):breakdown>", methods=["GET", "POST"])
@require("analysis.manage")
def manage_reference_population(breakdown):
    """Enter or correct Luton's population by age group or postcode district, with its source."""
    breakdown = PopulationBreakdown(breakdown)
    found = population.find_reference(breakdown)
    if request.method == "POST" and request.form.get("action") == "remove":
        if not ButtonForm().validate_on_submit():
            abort(400)
        if population.remove_reference(current_user, breakdown):
            db.session.commit()
            flash(_("The figures were removed"), "success")
        return redirect(request.path)
    form = _form(breakdown, found)
    status = 200
    if request.method == "POST":
        if form.validate_on_submit():
            try:
                population.save_reference(
                    current_user,
                    breakdown,
                    publisher=form.publisher.data,
                    title=form.title.data,
                    year=int(form.year.data),
                    url=form.url.data,
                    shares=form.parsed,
                )
            except AnalysisError as err:
                db.session.rollback()
                show_error(form, err)
            else:
                db.session.commit()
                flash(_("The figures and their source were saved"), "success")
                return redirect(request.path)
        status = 400
    labels = {b.value: age_band_label(b) for b in AgeBand}
    return render_template(
        "analysis/manage_reference_population.html",
        breakdown=breakdown,
        title=population.breakdown_title(breakdown),
        found=found,
        form=form,
        button=ButtonForm(),
        labels=labels,
        breakdowns=[
            (
                b,
                population.breakdown_title(b),
                url_for("analysis.manage_reference_population", breakdown=b.value),
            )
            for b in PopulationBreakdown
        ],
    ), status
