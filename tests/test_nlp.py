"""The spaCy pipeline: underthesea words as tokens, gazetteer spans, save and load."""
import spacy

from planextract.nlp import AGENCY, PROVINCE, agency_spans, align_words, pipeline


def test_tokens_are_underthesea_words_and_keep_the_text():
    text = "Sở Thông tin và Truyền thông  chủ trì, phối hợp với UBND cấp huyện."
    doc = pipeline()(text)
    assert doc.text == text
    assert "Thông tin" in [t.text for t in doc] and "Truyền thông" in [t.text for t in doc]


def test_alignment_keeps_text_the_tokenizer_dropped():
    words, spaces = align_words("a  b c", ["a", "c"])
    assert "".join(w + (" " if s else "") for w, s in zip(words, spaces)) == "a  b c"


def test_agency_and_province_spans():
    doc = pipeline()("Báo Đắc Nông và Sở Y tế tỉnh Đắk Nông phối hợp với Các sở, ban, ngành.")
    assert [(e.text, e.label_) for e in doc.ents] == [
        ("Báo Đắc Nông", AGENCY), ("Sở Y tế tỉnh Đắk Nông", AGENCY), ("Các sở, ban, ngành", AGENCY)]
    # Overlapping PROVINCE spans stay in the ruler's span group.
    assert ("Đắk Nông", PROVINCE) in [(s.text, s.label_) for s in doc.spans["ruler"]]
    assert [s.text for s in agency_spans("Sở Kế hoạch và Đầu tư, Sở Tài chính: bảo đảm kinh phí")] == \
        ["Sở Kế hoạch và Đầu tư", "Sở Tài chính"]


def test_pipeline_saves_and_loads(tmp_path):
    pipeline().to_disk(tmp_path / "nlp")
    loaded = spacy.load(tmp_path / "nlp")
    assert [(e.text, e.label_) for e in loaded("UBND cấp huyện triển khai").ents] == [("UBND cấp huyện", AGENCY)]
