"""British service ranks as they stand before a name: "WO2 Pritchard", "Sqn Ldr Okafor" (issue 15).

A rank, like a title, is a closed class that stands before a family name. The lists are the
rank tables of the UK's uniformed services with the abbreviations they give, written out here
(not copied) from the public tables: the British Army's officer and other-rank tables
(including the corps' names for a private: trooper, gunner, sapper, signaller, craftsman,
guardsman, fusilier, rifleman, kingsman, ranger, and the appointments RSM, CSM, RQMS, CQMS,
SSM, BSM), the Royal Navy's and Royal Marines' ratings and officers, the RAF's other ranks
and officers, the police ranks of the UK (constable to chief constable, detective ranks,
PCSO) and the fire and rescue services' role names (crew, watch, station, group, area
manager), and the kitchen's "Chef" said before a cook's name ("Chef Ravi"). English
Wikipedia's articles "British Army other ranks rank insignia", "British
Army officer rank insignia", "Royal Navy ranks, rates, and uniforms", "Ranks of the RAF",
"Police ranks of the United Kingdom" and "Fire service ranks in the UK" set them out.

Two kinds:

- ``RANKS``: the ranks and their abbreviations ("Cpl", "Flt Lt", "Lance Corporal");
- ``WORD_RANKS``: ranks that are also everyday words or letters ("Major", "General",
  "Private", "PO", "FF").

After either, the word that follows must be a family name, not only an English word
(`titled_names`): "Major Pritchard", "WO2 Pritchard", not "Major Incident", "General
Manager", "Private Hire", "LAC review" (a looked-after child's) or "Superintendent Registrar".

Left out: two-letter forms that are mostly something else in chat ("AB", "AC", "AM", "CC",
"CI", "SC", "FM", "PS": a postscript, "Gen", "Mid", "Sig", "Fus").

``ADDRESS_RANKS`` are the ranks' forms of address used instead of a name ("Sarge wants us
on the barrier", "ask the guv"): one person, always, in the team that says it.
"""

from __future__ import annotations


def _alternation(forms: str) -> str:
    """A regex alternation of the forms, longest first; "_" joins words, "/" may be left out."""
    words = sorted(set(forms.split()), key=len, reverse=True)
    return "|".join(w.replace("_", r"[ \t]+").replace("/", r"/?") for w in words)


# "_" joins the words of a rank; "/" in "l/cpl" may be left out ("LCpl").
_RANK_FORMS = """
    pte tpr gnr spr sigmn cfn gdsm rfn kgn rgr musn l/cpl l/bdr cpl bdr sgt s/sgt c/sgt
    wo1 wo2 rsm csm rqms cqms ssm bsm 2lt 2nd_lt lt capt maj lt_col col brig maj_gen lt_gen
    cpo lt_cdr cdr cdre r/adm v/adm adm mne sub_lt slt
    lac sac chf_tech flt_sgt plt_off fg_off flt_lt sqn_ldr wg_cdr gp_capt air_cdre avm acm
    air_mshl insp ch_insp supt d/supt ch_supt dci dcs pcso
    corporal lance_corporal bombardier lance_bombardier staff_sergeant colour_sergeant
    sergeant_major warrant_officer lieutenant second_lieutenant lieutenant_colonel
    lieutenant_general major_general lieutenant_commander sub_lieutenant colonel brigadier
    commodore admiral rear_admiral vice_admiral petty_officer chief_petty_officer
    leading_aircraftman senior_aircraftman flight_sergeant chief_technician pilot_officer
    flying_officer flight_lieutenant squadron_leader wing_commander group_captain
    air_commodore air_marshal air_vice_marshal air_vice-marshal air_chief_marshal
    constable police_constable special_constable detective_constable detective_sergeant
    detective_inspector chief_inspector detective_chief_inspector superintendent
    chief_superintendent detective_superintendent chief_constable deputy_chief_constable
    assistant_chief_constable crew_manager watch_manager station_manager group_manager
    area_manager
"""
_WORD_RANK_FORMS = """
    private major general trooper gunner sapper signaller craftsman guardsman fusilier
    rifleman kingsman ranger marine commander aircraftman firefighter po wo fs ff lh
    chef
"""
RANKS = _alternation(_RANK_FORMS)
WORD_RANKS = _alternation(_WORD_RANK_FORMS)
# The forms of address said instead of the name of the one person who holds the post:
# "Sarge" (sergeant, also "Sarnt", "Sarn't"), "Guv"/"Guv'nor" (an inspector, in the police)
# and "Gaffer" (the foreman or manager, on a site or a team). "Staff" (a staff sergeant),
# "Boss", "Sir" and "Ma'am" are left out: said to anyone.
ADDRESS_RANKS = r"sarge|sarj|sarnt|sarn['’]t|guv|guvnor|guv['’]nor|gaffer"
