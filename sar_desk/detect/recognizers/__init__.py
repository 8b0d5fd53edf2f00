"""SAR Desk's own recognisers, one per module, listed explicitly (no discovery).

The recogniser set file (``resources/detect/recognizers-uk-v2.yaml``) names which of these are
loaded; `custom_recognizer` turns a name into a fresh instance.
"""

from __future__ import annotations

from sar_desk.core.errors import DetectionUnavailableError
from sar_desk.detect.recognizers.base import RuleRecognizer
from sar_desk.detect.recognizers.chat_name_recognizer import ChatNameRecognizer
from sar_desk.detect.recognizers.contact_card_recognizer import ContactCardRecognizer
from sar_desk.detect.recognizers.date_of_birth_recognizer import DateOfBirthRecognizer
from sar_desk.detect.recognizers.epithets import EpithetNameRecognizer
from sar_desk.detect.recognizers.gazetteer_recognizers import NameListRecognizer
from sar_desk.detect.recognizers.hyphen_names import HyphenatedNameRecognizer
from sar_desk.detect.recognizers.loose_initials import LooseInitialsRecognizer
from sar_desk.detect.recognizers.nicknames import NicknameRecognizer
from sar_desk.detect.recognizers.pet_names import NicknameListRecognizer
from sar_desk.detect.recognizers.script_names import ScriptNameRecognizer
from sar_desk.detect.recognizers.separators import SeparatedNumberRecognizer
from sar_desk.detect.recognizers.sort_code_recognizer import SortCodeAccountRecognizer
from sar_desk.detect.recognizers.spelt_emails import SpeltEmailRecognizer
from sar_desk.detect.recognizers.street_address_recognizer import StreetAddressRecognizer
from sar_desk.detect.recognizers.uk_id_recognizer import NinoCueRecognizer, PassportNumberRecognizer
from sar_desk.detect.recognizers.uk_phone_recognizer import UkPhoneRecognizer
from sar_desk.detect.recognizers.uk_place_recognizer import UkPlaceRecognizer
from sar_desk.detect.recognizers.unnumbered_street import UnnumberedStreetRecognizer
from sar_desk.detect.recognizers.valedictions import ValedictionNameRecognizer
from sar_desk.detect.recognizers.vehicle_registration_recognizer import (
    VehicleRegistrationRecognizer,
)

CUSTOM_RECOGNIZERS: dict[str, type[RuleRecognizer]] = {
    cls.__name__: cls
    for cls in (
        UkPhoneRecognizer,
        SortCodeAccountRecognizer,
        DateOfBirthRecognizer,
        StreetAddressRecognizer,
        VehicleRegistrationRecognizer,
        ContactCardRecognizer,
        ChatNameRecognizer,
        PassportNumberRecognizer,
        NinoCueRecognizer,
        NameListRecognizer,
        UkPlaceRecognizer,
        NicknameRecognizer,
        HyphenatedNameRecognizer,
        NicknameListRecognizer,
        UnnumberedStreetRecognizer,
        LooseInitialsRecognizer,
        SeparatedNumberRecognizer,
        ScriptNameRecognizer,
        SpeltEmailRecognizer,
        EpithetNameRecognizer,
        ValedictionNameRecognizer,
    )
}


def custom_recognizer(name: str) -> RuleRecognizer:
    """A new instance of the recogniser called `name`.

    Raises:
        DetectionUnavailableError: The configuration names a recogniser this release lacks.
    """
    try:
        return CUSTOM_RECOGNIZERS[name]()
    except KeyError as exc:
        raise DetectionUnavailableError(
            f"The detection settings name a recogniser '{name}' that this release of SAR Desk "
            "does not have. Reinstall SAR Desk or use its bundled settings."
        ) from exc
