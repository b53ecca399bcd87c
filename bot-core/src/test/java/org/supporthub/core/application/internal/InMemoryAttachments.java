package org.supporthub.core.application.internal;

import org.supporthub.core.domain.model.attachment.Attachment;
import org.supporthub.core.domain.model.attachment.AttachmentRepository;
import org.supporthub.core.domain.model.attachment.AttachmentStore;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Attachment records and a content store in memory, recording every put and delete. */
class InMemoryAttachments implements AttachmentRepository, AttachmentStore {

    final List<Attachment> records = new ArrayList<>();
    final Map<String, byte[]> blobs = new HashMap<>();
    /** The order of the calls that matter for the portal's daily total. */
    final List<String> calls = new ArrayList<>();

    @Override
    public void lockPortalUploads(String portalId) {
        calls.add("lock " + portalId);
    }
    final List<String> puts = new ArrayList<>();
    final List<String> deletes = new ArrayList<>();

    @Override
    public void store(Attachment attachment) {
        records.add(attachment);
    }

    @Override
    public Optional<Attachment> find(String id) {
        return records.stream().filter(a -> a.id().equals(id)).findFirst();
    }

    @Override
    public List<Attachment> ofMessages(String conversationId, Collection<Long> seqs) {
        return records.stream().filter(a -> a.conversationId().equals(conversationId) && seqs.contains(a.messageSeq()))
                .sorted(Comparator.comparingLong(Attachment::messageSeq).thenComparingInt(Attachment::position)).toList();
    }

    @Override
    public List<Attachment> ofConversation(String conversationId) {
        return records.stream().filter(a -> a.conversationId().equals(conversationId)).toList();
    }

    @Override
    public long bytesInConversation(String conversationId) {
        return ofConversation(conversationId).stream().mapToLong(Attachment::size).sum();
    }

    @Override
    public long bytesOfPortalSince(String portalId, Instant since) {
        calls.add("bytesOfPortalSince " + portalId);
        return records.stream().filter(a -> a.portalId().equals(portalId) && !a.createdAt().isBefore(since))
                .mapToLong(Attachment::size).sum();
    }

    @Override
    public boolean referenced(String sha256) {
        return records.stream().anyMatch(a -> a.sha256().equals(sha256));
    }

    @Override
    public List<String> deleteOfConversation(String conversationId) {
        List<String> hashes = ofConversation(conversationId).stream().map(Attachment::sha256).toList();
        records.removeIf(a -> a.conversationId().equals(conversationId));
        return hashes;
    }

    @Override
    public void put(String sha256, byte[] content) {
        puts.add(sha256);
        blobs.put(sha256, content.clone());
    }

    @Override
    public Optional<byte[]> read(String sha256) {
        return Optional.ofNullable(blobs.get(sha256));
    }

    @Override
    public void delete(String sha256) {
        deletes.add(sha256);
        blobs.remove(sha256);
    }

    @Override
    public String kind() {
        return "memory";
    }
}
