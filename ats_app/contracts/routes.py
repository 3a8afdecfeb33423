"""The contract preview's PDF, for the user who made it on the Contracts page (signed link, private file)."""

from starlette.requests import Request
from starlette.responses import Response

from ats_app.contracts.preview import preview_signature
from ats_app.contracts.template_library import RIGHT
from ats_app.web.signed_files import signed_pdf


async def download_contract_preview(request: Request) -> Response:
    """GET /files/contract-preview/{key}?sig=…: the preview PDF shown in the browser; 401 without a session,
    404 unless the link was signed for this user and they may manage contract templates."""
    return await signed_pdf(request, preview_signature, lambda user: user.has(RIGHT),
                            'inline; filename="contract-preview.pdf"')
