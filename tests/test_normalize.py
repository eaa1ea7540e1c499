import unicodedata

from planextract.normalize import normalize_key, normalize_line, normalize_tone_marks


def test_tone_marks_take_the_old_style_everywhere():
    assert normalize_tone_marks("hoà bình, sức khoẻ, thuỷ sản, Khoá XI, Thanh Hoá") == \
        "hòa bình, sức khỏe, thủy sản, Khóa XI, Thanh Hóa"


def test_closed_syllables_and_qu_keep_their_marks():
    assert normalize_tone_marks("hoàn thành quý thuyết toán") == "hoàn thành quý thuyết toán"


def test_decomposed_input_becomes_nfc():
    decomposed = unicodedata.normalize("NFD", "Đắk Nông")
    out = normalize_line(decomposed)
    assert out == "Đắk Nông" and unicodedata.is_normalized("NFC", out)


def test_invisible_characters_and_odd_spaces_go():
    assert normalize_line("Sở\u00a0Y\u200b tế\u00ad  tỉnh\t Gia\u202fLai ") == "Sở Y tế tỉnh Gia Lai"


def test_comparison_key_ignores_case_and_punctuation():
    assert normalize_key("Sở Lao động - Thương binh và Xã hội") == normalize_key("sở lao động, thương binh và xã hội")


def test_a_dot_below_on_a_breve_vowel_stays_where_it_is():
    # "hoặc": the dot belongs to ă, not to the o before it.
    assert normalize_tone_marks("hoặc hoạch Hoằng") == "hoặc hoạch Hoằng"


def test_a_dotted_abbreviation_ends_no_sentence():
    from planextract.lexicon import sentence_break
    assert sentence_break().split("UBND TP. Hà Nội ban hành. ThS. Lê Văn A chủ trì. Sở Y tế phối hợp.") == [
        "UBND TP. Hà Nội ban hành.", "ThS. Lê Văn A chủ trì.", "Sở Y tế phối hợp."]
