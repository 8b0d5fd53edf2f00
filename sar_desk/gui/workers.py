"""Running `core.jobs` generators on a worker thread, with progress and Cancel.

`JobRunner` is the ~50-line adapter from the house style: it iterates a job on the thread pool and
reports through `WorkerSignals`. `JobController` runs one job at a time for the window: it shows
the progress bar and Cancel button, tells the window when writing actions must be disabled, and
routes failures to `gui.errors.show_error`.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QProgressBar, QPushButton, QWidget

from sar_desk.core.errors import Cancelled
from sar_desk.core.jobs import CancelToken, Job, Progress
from sar_desk.gui.errors import show_error

logger = logging.getLogger(__name__)

JobFactory = Callable[[CancelToken], Job[Any]]
Callback = Callable[[Any], None]


class WorkerSignals(QObject):
    """What a running job reports.

    Signals:
        progressed(Progress): The job yielded progress.
        succeeded(object): The job returned this value.
        failed(object): The job raised this exception.
        cancelled(): The job stopped because the user cancelled it.
        finished(): Always emitted last.
    """

    progressed = Signal(object)
    succeeded = Signal(object)
    failed = Signal(object)
    cancelled = Signal()
    finished = Signal()


class JobRunner(QRunnable):
    """Runs a job generator on a pool thread; the generator body runs there, not here."""

    def __init__(self, job: Job[Any], token: CancelToken) -> None:
        super().__init__()
        self.setAutoDelete(False)  # Python keeps the reference; Qt must not delete it under us
        self._job = job
        self.token = token
        self.signals = WorkerSignals()

    def run(self) -> None:
        try:
            while True:
                try:
                    progress = next(self._job)
                except StopIteration as stop:
                    self.signals.succeeded.emit(stop.value)
                    break
                self.signals.progressed.emit(progress)
        except Cancelled:
            self.signals.cancelled.emit()
        except Exception as exc:  # every failure goes to the GUI thread
            self.signals.failed.emit(exc)
        finally:
            self._job.close()
            self.signals.finished.emit()


class JobStatus(QWidget):
    """The status-bar strip: what is running, a progress bar and the Cancel button."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.label = QLabel()
        self.label.setAccessibleName("Job status")
        self.bar = QProgressBar()
        self.bar.setAccessibleName("Job progress")
        self.bar.setMaximumWidth(220)
        self.bar.setTextVisible(False)
        self.cancel_button = QPushButton("Cancel")
        self.cancel_button.setAccessibleName("Cancel the running job")
        self.cancel_button.setToolTip("Stop the running job (Esc); nothing it did is kept")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.label)
        layout.addWidget(self.bar)
        layout.addWidget(self.cancel_button)
        self.setVisible(False)

    def show_progress(self, progress: Progress) -> None:
        """Update the strip from a job's progress."""
        self.label.setText(progress.message)
        if progress.total:
            self.bar.setRange(0, progress.total)
            self.bar.setValue(min(progress.done, progress.total))
        else:
            self.bar.setRange(0, 0)  # busy indicator when the total is unknown


class _Relay(QObject):
    """Delivers a read job's result on the window's thread.

    Its slots are methods of a QObject living on the window's thread, so Qt queues the worker's
    signals to them; a bare lambda could run on the worker thread and touch widgets there.
    """

    def __init__(self, owner: JobController, runner: JobRunner, on_success: Callback) -> None:
        super().__init__(owner)
        self._owner, self._runner, self._on_success = owner, runner, on_success

    def deliver(self, result: object) -> None:
        self._on_success(result)

    def fail(self, exc: BaseException) -> None:
        self._owner.report_failure(exc)

    def done(self) -> None:
        self._owner.forget_reader(self._runner)
        self.deleteLater()


class JobController(QObject):
    """Runs the window's jobs, one writing job at a time.

    Signals:
        busy_changed(bool): A writing job started (True) or ended (False).
        finished(): A job ended, however it ended.
        message(str): A short line for the status bar ("Import cancelled").
    """

    busy_changed = Signal(bool)
    finished = Signal()
    message = Signal(str)

    def __init__(self, parent_widget: QWidget, status: JobStatus) -> None:
        super().__init__(parent_widget)
        self._parent_widget = parent_widget
        self.status = status
        self._pool = QThreadPool.globalInstance()
        self._runner: JobRunner | None = None
        self._readers: dict[JobRunner, _Relay] = {}
        self._on_success: Callback | None = None
        self._label = ""
        self._result: tuple[object] | None = None
        status.cancel_button.clicked.connect(self.cancel)

    @property
    def busy(self) -> bool:
        """Whether a writing job is running."""
        return self._runner is not None

    def start(self, label: str, factory: JobFactory, on_success: Callback) -> CancelToken:
        """Run a writing job; `on_success` gets its result on the window's thread.

        Raises:
            RuntimeError: Another writing job is running (the window disables the actions
                that could start one, so this is a bug if it happens).
        """
        if self._runner is not None:
            raise RuntimeError("a writing job is already running")
        token = CancelToken()
        runner = JobRunner(factory(token), token)
        self._runner, self._on_success, self._label = runner, on_success, label
        runner.signals.progressed.connect(self._progressed)
        runner.signals.succeeded.connect(self._succeeded)
        runner.signals.failed.connect(self._failed)
        runner.signals.cancelled.connect(self._cancelled)
        runner.signals.finished.connect(self._finished)
        self.status.show_progress(Progress(0, None, label))
        self.status.setVisible(True)
        self.busy_changed.emit(True)
        logger.info("job started: %s", label)
        self._pool.start(runner)
        return token

    def read(self, job: Job[Any], on_success: Callback) -> None:
        """Run a read-only job (a count) alongside anything else; no progress is shown."""
        runner = JobRunner(job, CancelToken())
        relay = _Relay(self, runner, on_success)
        runner.signals.succeeded.connect(relay.deliver)
        runner.signals.failed.connect(relay.fail)
        runner.signals.finished.connect(relay.done)
        self._readers[runner] = relay
        self._pool.start(runner)

    def cancel(self) -> None:
        """Ask the running job to stop at its next check."""
        if self._runner is not None:
            self._runner.token.cancel()
            self.status.label.setText(f"Cancelling: {self._label}")

    def wait(self, msecs: int = 30_000) -> bool:
        """Block until the pool is idle (used on close so no job outlives the window)."""
        return bool(self._pool.waitForDone(msecs))

    def report_failure(self, exc: BaseException) -> None:
        """Show a job's failure to the user."""
        logger.info("job failed: %s", type(exc).__name__)
        show_error(self._parent_widget, exc)

    def forget_reader(self, runner: JobRunner) -> None:
        """Drop a finished read job."""
        self._readers.pop(runner, None)

    def _progressed(self, progress: Progress) -> None:
        self.status.show_progress(progress)

    def _succeeded(self, result: object) -> None:
        logger.info("job succeeded: %s", self._label)
        self._result = (result,)

    def _failed(self, exc: BaseException) -> None:
        logger.info("job failed: %s (%s)", self._label, type(exc).__name__)
        show_error(self._parent_widget, exc)

    def _cancelled(self) -> None:
        logger.info("job cancelled: %s", self._label)
        self.message.emit(f"{self._label}: cancelled. Nothing was changed.")

    def _finished(self) -> None:
        # The job is over before its result is handed on, so the callback may start another.
        on_success, result = self._on_success, self._result
        self._runner, self._on_success, self._result = None, None, None
        self.status.setVisible(False)
        self.busy_changed.emit(False)
        if on_success is not None and result is not None:
            on_success(result[0])
        self.finished.emit()
