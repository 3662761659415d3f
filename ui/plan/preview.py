"""Print preview of a plan (QtPdf), in three variants, with 'Opslaan als PDF…' and 'Afdrukken…'.

The PDF is made off the UI thread by an Operation (ui/kit/operation.py): it opens its own unit
of work in the worker thread (a session is never shared across threads) and hands the bytes
back on the UI thread; a refusal is a message, a bug ends in the crash dialog.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QThreadPool
from PySide6.QtGui import QPainter
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from intake.core.context import Actor, UnitOfWork
from intake.core.files import write_private
from intake.documents import (
    PREVIEW,
    PRINTED,
    SAVED,
    NameReview,
    NamesToReview,
    print_plan,
    record_output,
)
from intake.sharing import NoSharingBasis, organisations
from intake.store import Store
from ui.kit.dialogs import FormDialog
from ui.kit.files import FilePicker
from ui.kit.notice import Notice
from ui.kit.operation import Operation
from ui.plan.name_review import NameReviewDialog

VARIANTS = (("professioneel", "Professionele versie"),
            ("inwoner", "Inwonerversie (eenvoudige taal)"),
            ("geanonimiseerd", "Geanonimiseerd (namen vervangen)"))


@dataclass(frozen=True)
class PrintRequest:
    household_id: uuid.UUID
    plan_id: uuid.UUID
    version: int
    variant: str
    review: NameReview = field(default_factory=NameReview)
    for_organisation: str = ""  # a code of the sociale kaart; "" within the team

    def file_name(self, dossiernummer: str) -> str:
        suffix = {"professioneel": "", "inwoner": "-inwoner",
                  "geanonimiseerd": "-geanonimiseerd"}[self.variant]
        return f"plan-{dossiernummer}-v{self.version}{suffix}.pdf"


def _make_pdf(request: PrintRequest) -> Callable[[UnitOfWork], bytes]:
    def work(uow: UnitOfWork) -> bytes:
        return print_plan(uow, request.household_id, request.version,
                          resident=request.variant == "inwoner",
                          redacted=request.variant == "geanonimiseerd",
                          plan_id=request.plan_id, review=request.review,
                          for_organisation=request.for_organisation or None, action=PREVIEW)
    return work


def _record(request: PrintRequest, action: str) -> Callable[[UnitOfWork], None]:
    """The previewed document printed or saved: a line of its own in the audit."""
    def work(uow: UnitOfWork) -> None:
        record_output(uow, request.household_id, request.plan_id, request.version, action,
                      resident=request.variant == "inwoner",
                      redacted=request.variant == "geanonimiseerd",
                      for_organisation=request.for_organisation or None)
    return work


class PreviewDialog(FormDialog):
    asks_before_discarding = False  # nothing typed here to lose

    def __init__(self, store: Store, actor: Actor, household_id: uuid.UUID,
                 plan_id: uuid.UUID, version: int, dossiernummer: str,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(f"Afdrukvoorbeeld · {dossiernummer} · versie {version}")
        self.store, self.actor = store, actor
        self.household_id, self.plan_id, self.version = household_id, plan_id, version
        self.dossiernummer = dossiernummer
        self.pool = QThreadPool(self)  # own pool: closing waits only for our jobs
        self._jobs: set[int] = set()  # tickets still on their way
        self._ticket = 0
        self.pdf_bytes = b""
        self.review = NameReview()  # decisions on flagged words, kept while the preview is open
        self.document = QPdfDocument(self)
        self._buffer: QBuffer | None = None
        self.view = QPdfView()
        self.view.setDocument(self.document)
        self.view.setPageMode(QPdfView.PageMode.MultiPage)
        self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        self.variant = QComboBox()
        for code, label in VARIANTS:
            self.variant.addItem(label, code)
        self.busy = QProgressBar()
        self.busy.setRange(0, 0)
        self.busy.setMaximumWidth(160)
        self.busy.setTextVisible(False)
        self.status = QLabel()
        self.save_button = QPushButton("&Opslaan als PDF…")
        self.print_button = QPushButton("&Afdrukken…")
        close = QPushButton("Sluiten")
        kind_label = QLabel("&Soort afdruk:")
        kind_label.setBuddy(self.variant)
        # Sharing outside the team: only with a recorded consent or legal ground.
        self.organisation = QComboBox()
        self.organisation.addItem("Binnen het team", "")
        for code, name in (Operation(self, store, actor, organisations).run() or {}).items():
            self.organisation.addItem(name, code)
        for_label = QLabel("&Voor:")
        for_label.setBuddy(self.organisation)
        top = QHBoxLayout()
        top.addWidget(kind_label)
        top.addWidget(self.variant)
        top.addWidget(for_label)
        top.addWidget(self.organisation)
        top.addWidget(self.busy)
        top.addWidget(self.status, 1)
        top.addWidget(self.save_button)
        top.addWidget(self.print_button)
        top.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.view, 1)
        self.variant.currentIndexChanged.connect(lambda _i: self.make_pdf())
        self.organisation.currentIndexChanged.connect(lambda _i: self.make_pdf())
        self.save_button.clicked.connect(self.save_as)
        self.print_button.clicked.connect(self.print_document)
        close.clicked.connect(self.reject)
        self.document.pageCountChanged.connect(self._pages_changed)  # loading is asynchronous
        self.resize(900, 760)
        self.make_pdf()

    def request(self) -> PrintRequest:
        return PrintRequest(self.household_id, self.plan_id, self.version,
                            self.variant.currentData(), self.review,
                            self.organisation.currentData() or "")

    @property
    def loading(self) -> bool:
        return bool(self._jobs)

    def make_pdf(self) -> None:
        """Make the PDF for the chosen variant in the background; the newest request wins."""
        self._ticket += 1
        ticket = self._ticket
        self._jobs.add(ticket)
        self._set_busy(True)
        Operation(self, self.store, self.actor, _make_pdf(self.request())) \
            .success(lambda pdf: self._arrived(ticket, pdf)) \
            .on(NamesToReview, lambda error: self._review_names(ticket, error)) \
            .on(NoSharingBasis, lambda error: self._refused(ticket, error.message)) \
            .always(lambda: self._ended(ticket)) \
            .run_in_background(self.pool)

    def _set_busy(self, busy: bool) -> None:
        self.busy.setVisible(busy)
        self.status.setText("PDF wordt gemaakt…" if busy else
                            self._page_text(self.document.pageCount()))
        self.save_button.setEnabled(not busy and bool(self.pdf_bytes))
        self.print_button.setEnabled(not busy and bool(self.pdf_bytes))

    def _pages_changed(self, pages: int) -> None:
        if not self.loading:
            self.status.setText(self._page_text(pages))

    def _page_text(self, pages: int) -> str:
        size = len(self.pdf_bytes) // 1024
        return f"{pages} {'pagina' if pages == 1 else 'pagina’s'}, {size} kB" if pages else ""

    def _arrived(self, ticket: int, pdf: bytes) -> None:
        if ticket == self._ticket:  # else an older variant; a newer one is on its way
            self._show(pdf)

    def _clear(self) -> None:
        """Nothing shown that could be saved or printed for the wrong audience."""
        self.pdf_bytes = b""
        self.document.close()

    def _refused(self, ticket: int, message: str) -> None:
        if ticket == self._ticket:
            self._clear()
            Notice.warn(self, message)

    def _review_names(self, ticket: int, error: NamesToReview) -> None:
        """A redacted print waits for the person printing to decide on flagged words."""
        if ticket != self._ticket:
            return
        review = NameReviewDialog.ask(self, error.names, self.review)
        if review is None:
            self._clear()
            Notice.warn(self, "Het geanonimiseerde plan is niet gemaakt: eerst moeten de "
                              "gemarkeerde woorden worden nagekeken.")
            return
        self.review = review
        self.make_pdf()

    def _ended(self, ticket: int) -> None:
        """After the PDF, a refusal or a crash alike: the screen stops saying it is busy."""
        self._jobs.discard(ticket)
        if ticket == self._ticket:
            self._set_busy(False)

    def _show(self, pdf: bytes) -> None:
        self.pdf_bytes = pdf
        self.document.close()
        buffer = QBuffer(self)
        buffer.setData(QByteArray(pdf))
        buffer.open(QIODevice.OpenModeFlag.ReadOnly)
        self.document.load(buffer)
        if self._buffer is not None:
            self._buffer.deleteLater()
        self._buffer = buffer  # QPdfDocument reads from it; keep it alive

    @classmethod
    def ask_path(cls, parent: QWidget, suggested: str) -> str:
        path = FilePicker.save(parent, "Opslaan als PDF", suggested, "PDF-bestanden (*.pdf)")
        return str(path) if path is not None else ""

    def save_as(self) -> None:
        path = self.ask_path(self, self.request().file_name(self.dossiernummer))
        if not path:
            return
        try:
            write_private(Path(path), self.pdf_bytes)
        except OSError as error:
            Notice.warn(self, f"Het bestand kon niet worden opgeslagen: {error.strerror}.")
            return
        Operation(self, self.store, self.actor, _record(self.request(), SAVED)).run()

    @classmethod
    def ask_printer(cls, parent: QWidget, printer: QPrinter) -> bool:
        dialog = QPrintDialog(printer, parent)
        dialog.setWindowTitle("Afdrukken")
        return dialog.exec() == QDialog.DialogCode.Accepted

    def print_document(self) -> None:
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setDocName(self.request().file_name(self.dossiernummer))
        if self.ask_printer(self, printer):
            self.print_to(printer)

    def print_to(self, printer: QPrinter) -> None:
        """Each PDF page as an image at the printer's resolution, scaled to fit the page."""
        painter = QPainter()
        if not painter.begin(printer):
            Notice.warn(self, "De printer kon niet worden gestart.")
            return
        try:
            area = printer.pageLayout().paintRectPixels(printer.resolution())
            for page in range(self.document.pageCount()):
                if page:
                    printer.newPage()
                points = self.document.pagePointSize(page)
                scale = min(area.width() / points.width(), area.height() / points.height())
                size = (points * scale).toSize()
                image = self.document.render(page, size)
                painter.drawImage(0, 0, image)
        finally:
            painter.end()
        Operation(self, self.store, self.actor, _record(self.request(), PRINTED)).run()

    def done(self, result: int) -> None:
        self.pool.waitForDone()  # the job holds a unit of work; let it finish cleanly
        super().done(result)
